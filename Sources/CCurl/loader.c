// libcurl's functions that groq and FoundationNetworking call, as stubs that load libcurl on first use (see
// CLazyLibrary.h). A command that will connect loads it on a thread of its own (groq_curl_load) while it builds its
// request.
#ifdef __linux__

#include <stdarg.h>

#include "CLazyLibrary.h"

static struct groq_lazy_library curl = {
  // libcurl4-openssl-dev's runtime, then the GnuTLS build Debian also ships: both have the same ABI.
  .names = {"libcurl.so.4", "libcurl-gnutls.so.4"},
  .hint = "groq needs libcurl 4 to connect: apt-get install libcurl4",
  .lock = PTHREAD_MUTEX_INITIALIZER,
};

const char *groq_curl_load(void) { return groq_lazy_load(&curl); }

// curl_easy_setopt, curl_multi_setopt and curl_easy_getinfo take exactly one argument after the option: a long, a
// curl_off_t, or a pointer. On the 64-bit Linux ABIs groq builds for, all three travel in the same integer register
// or stack slot, so passing it on as a pointer-sized integer hands the callee the bits it was given.
#define GROQ_CURL_VARIADIC_STUB(result, name, Handle, Option)                                 \
  __attribute__((visibility("hidden"))) result name(Handle handle, Option option, ...) {       \
    typedef result (*Function)(Handle, Option, ...);                                            \
    GROQ_LAZY_FUNCTION(curl, name, Function)                                                    \
    va_list list;                                                                               \
    va_start(list, option);                                                                     \
    void *argument = va_arg(list, void *);                                                      \
    va_end(list);                                                                               \
    return function(handle, option, argument);                                                 \
  }

// The signatures are curl.h's with its handle types as void * and its enums as int, which is the same ABI:
// curl.h itself is not included here, because its prototypes vary between versions (curl_url_get's handle became
// const in 8.x) and a definition must match the header it sees.
_Static_assert(sizeof(long) == sizeof(void *) && sizeof(long long) == sizeof(void *),
               "the variadic stubs assume an LP64 ABI");

GROQ_LAZY_STUB(curl, int, curl_global_init, (long flags), (flags))
GROQ_LAZY_STUB(curl, void *, curl_easy_init, (void), ())
GROQ_LAZY_VOID_STUB(curl, curl_easy_cleanup, (void *handle), (handle))
GROQ_LAZY_STUB(curl, int, curl_easy_pause, (void *handle, int bitmask), (handle, bitmask))
GROQ_LAZY_STUB(curl, const char *, curl_easy_strerror, (int code), (code))
GROQ_CURL_VARIADIC_STUB(int, curl_easy_setopt, void *, int)
GROQ_CURL_VARIADIC_STUB(int, curl_easy_getinfo, void *, int)
GROQ_LAZY_VOID_STUB(curl, curl_free, (void *pointer), (pointer))
GROQ_LAZY_STUB(curl, void *, curl_multi_init, (void), ())
GROQ_LAZY_STUB(curl, int, curl_multi_cleanup, (void *multi), (multi))
GROQ_LAZY_STUB(curl, int, curl_multi_add_handle, (void *multi, void *handle), (multi, handle))
GROQ_LAZY_STUB(curl, int, curl_multi_remove_handle, (void *multi, void *handle), (multi, handle))
GROQ_LAZY_STUB(curl, int, curl_multi_assign, (void *multi, int socket, void *pointer), (multi, socket, pointer))
GROQ_LAZY_STUB(curl, void *, curl_multi_info_read, (void *multi, int *remaining), (multi, remaining))
GROQ_LAZY_STUB(curl, int, curl_multi_perform, (void *multi, int *running), (multi, running))
GROQ_LAZY_STUB(curl, int, curl_multi_poll, (void *multi, void *extra, unsigned int count, int timeout, int *ready),
               (multi, extra, count, timeout, ready))
GROQ_LAZY_STUB(curl, int, curl_multi_wakeup, (void *multi), (multi))
GROQ_CURL_VARIADIC_STUB(int, curl_multi_setopt, void *, int)
GROQ_LAZY_STUB(curl, int, curl_multi_socket_action, (void *multi, int socket, int mask, int *running),
               (multi, socket, mask, running))
GROQ_LAZY_STUB(curl, void *, curl_slist_append, (void *list, const char *string), (list, string))
GROQ_LAZY_VOID_STUB(curl, curl_slist_free_all, (void *list), (list))
GROQ_LAZY_STUB(curl, void *, curl_url, (void), ())
GROQ_LAZY_STUB(curl, int, curl_url_get, (void *url, int part, char **content, unsigned int flags),
               (url, part, content, flags))
GROQ_LAZY_STUB(curl, int, curl_url_set, (void *url, int part, const char *content, unsigned int flags),
               (url, part, content, flags))
GROQ_LAZY_STUB(curl, char *, curl_version, (void), ())
GROQ_LAZY_STUB(curl, void *, curl_version_info, (int age), (age))

#endif


