#include "CLazyLibrary.h"

#include <dlfcn.h>
#include <stdio.h>
#include <unistd.h>

const char *groq_lazy_load(struct groq_lazy_library *library) {
  pthread_mutex_lock(&library->lock);
  if (!library->tried) {
    library->tried = 1;
    for (size_t index = 0; index < sizeof library->names / sizeof library->names[0]; index++) {
      if (!library->names[index]) break;
      library->handle = dlopen(library->names[index], RTLD_NOW | RTLD_LOCAL);
      if (library->handle) break;
      // The first name's failure is the one worth reading: the others are fallbacks.
      if (index == 0) snprintf(library->error, sizeof library->error, "%s", dlerror());
    }
  }
  pthread_mutex_unlock(&library->lock);
  return library->handle ? NULL : library->error;
}

void *groq_lazy_symbol(struct groq_lazy_library *library, const char *name) {
  const char *error = groq_lazy_load(library);
  void *symbol = error ? NULL : dlsym(library->handle, name);
  if (symbol) return symbol;
  char message[1024];
  int length = snprintf(message, sizeof message, "groq: error: %s%s\nhint: %s\n",
                        error ? "" : "no symbol ", error ? error : name, library->hint);
  if (length > 0) {
    size_t size = (size_t)length < sizeof message ? (size_t)length : sizeof message - 1;
    ssize_t written = write(STDERR_FILENO, message, size);
    (void)written;
  }
  _exit(1);
}
