// Shared libraries loaded when groq first calls into them, not by the dynamic linker at every start.
//
// Why: libcurl brings about thirty libraries (OpenSSL, GnuTLS, Kerberos, LDAP, ...) and libedit four. Loading and
// relocating them and running their constructors was about 6 of the 9 ms that `groq --version` cost, paid by every
// command: `groq config` needs neither, a one-shot chat needs no line editor. So groq is not linked against them:
// each function it (or Foundation's static FoundationNetworking) calls is defined as a stub that looks the real one
// up with dlsym the first time, and keeps it.
//
// The stubs are hidden: they satisfy the static link, are not exported, and so never stand in for a library's own
// calls to its public functions.
#ifndef GROQ_LAZY_LIBRARY_H
#define GROQ_LAZY_LIBRARY_H

#include <pthread.h>

struct groq_lazy_library {
  /// File names tried in turn with dlopen.
  const char *names[3];
  /// What the library is for and how to get it, for the message when it cannot be loaded.
  const char *hint;
  pthread_mutex_t lock;
  int tried;
  void *handle;
  char error[512];
};

/// Loads the library unless that was tried already: NULL once it is loaded, else why it could not be.
/// Safe from any thread.
const char *groq_lazy_load(struct groq_lazy_library *library);

/// The address of `name` in the library, loading it first. A missing library or symbol ends the process with
/// groq's error line: the stubs' callers (Foundation's URLSession among them) have no way to hear of a failure.
/// Callers that can report one call groq_lazy_load first.
void *groq_lazy_symbol(struct groq_lazy_library *library, const char *name);

// Declares `function`, the real `name` in `library` as a `Function`: looked up once and kept. Two threads may both
// look it up; they store the same value.
#define GROQ_LAZY_FUNCTION(library, name, Function)                                    \
  static Function real;                                                               \
  Function function = __atomic_load_n(&real, __ATOMIC_ACQUIRE);                       \
  if (!function) {                                                                    \
    function = (Function)groq_lazy_symbol(&library, #name);                           \
    __atomic_store_n(&real, function, __ATOMIC_RELEASE);                              \
  }

// One stub per function; `parameters` and `arguments` are the parenthesised lists.
#define GROQ_LAZY_STUB(library, result, name, parameters, arguments)                   \
  __attribute__((visibility("hidden"))) result name parameters {                        \
    typedef result(*Function) parameters;                                               \
    GROQ_LAZY_FUNCTION(library, name, Function)                                         \
    return function arguments;                                                          \
  }

#define GROQ_LAZY_VOID_STUB(library, name, parameters, arguments)                      \
  __attribute__((visibility("hidden"))) void name parameters {                          \
    typedef void(*Function) parameters;                                                 \
    GROQ_LAZY_FUNCTION(library, name, Function)                                         \
    function arguments;                                                                 \
  }

#endif
