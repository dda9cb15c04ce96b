// libcurl for Swift. curl_easy_setopt and curl_easy_getinfo are C variadic functions, which Swift cannot call, so
// each argument type gets one typed wrapper here; everything else in curl.h is imported as it is.
#ifndef GROQ_CCURL_SHIM_H
#define GROQ_CCURL_SHIM_H

#include <curl/curl.h>

/// Loads libcurl if it is not loaded yet (see loader.c); NULL once it is, else why it could not be. Safe from any
/// thread; the first call does the work and the others wait for it.
const char *groq_curl_load(void);

static inline CURLcode groq_curl_setopt_long(CURL *handle, CURLoption option, long value) {
  return curl_easy_setopt(handle, option, value);
}

static inline CURLcode groq_curl_setopt_off_t(CURL *handle, CURLoption option, curl_off_t value) {
  return curl_easy_setopt(handle, option, value);
}

/// libcurl copies strings passed to curl_easy_setopt (except POSTFIELDS), so a temporary C string is fine.
static inline CURLcode groq_curl_setopt_string(CURL *handle, CURLoption option, const char *value) {
  return curl_easy_setopt(handle, option, value);
}

static inline CURLcode groq_curl_setopt_pointer(CURL *handle, CURLoption option, void *value) {
  return curl_easy_setopt(handle, option, value);
}

static inline CURLcode groq_curl_setopt_slist(CURL *handle, CURLoption option, struct curl_slist *value) {
  return curl_easy_setopt(handle, option, value);
}

static inline CURLcode groq_curl_setopt_write(CURL *handle, CURLoption option, curl_write_callback value) {
  return curl_easy_setopt(handle, option, value);
}

static inline CURLcode groq_curl_setopt_read(CURL *handle, CURLoption option, curl_read_callback value) {
  return curl_easy_setopt(handle, option, value);
}

static inline CURLcode groq_curl_setopt_xferinfo(CURL *handle, CURLoption option, curl_xferinfo_callback value) {
  return curl_easy_setopt(handle, option, value);
}

static inline CURLcode groq_curl_getinfo_long(CURL *handle, CURLINFO info, long *value) {
  return curl_easy_getinfo(handle, info, value);
}

static inline CURLcode groq_curl_getinfo_off_t(CURL *handle, CURLINFO info, curl_off_t *value) {
  return curl_easy_getinfo(handle, info, value);
}

/// Macros built from other macros do not reach Swift; these do.
static const size_t groq_curl_writefunc_pause = CURL_WRITEFUNC_PAUSE;
static const int groq_curlpause_cont = CURLPAUSE_CONT;
static const long groq_curl_global_all = CURL_GLOBAL_ALL;

#endif
