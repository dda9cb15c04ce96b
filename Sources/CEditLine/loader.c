// libedit's functions the REPL calls, as stubs that load libedit on first use (see CLazyLibrary.h).
//
// The signatures are readline.h's with its pointer types as void *, the same ABI: the header is not included here,
// so that these definitions cannot clash with a platform's variant of it.
#include "CLazyLibrary.h"

static struct groq_lazy_library editline = {
  .names = {"libedit.so.2", "libedit.3.dylib", "libedit.dylib"},
  .hint = "the REPL's line editor needs libedit: apt-get install libedit2 (or pass the prompt: groq chat 'hi')",
  .lock = PTHREAD_MUTEX_INITIALIZER,
};

const char *groq_editline_load(void) { return groq_lazy_load(&editline); }

void *groq_editline_symbol(const char *name) { return groq_lazy_symbol(&editline, name); }

GROQ_LAZY_STUB(editline, int, rl_initialize, (void), ())
GROQ_LAZY_VOID_STUB(editline, using_history, (void), ())
GROQ_LAZY_STUB(editline, int, add_history, (const char *line), (line))
GROQ_LAZY_VOID_STUB(editline, stifle_history, (int count), (count))
GROQ_LAZY_STUB(editline, void *, history_get, (int offset), (offset))
GROQ_LAZY_STUB(editline, int, read_history, (const char *path), (path))
GROQ_LAZY_STUB(editline, int, history_truncate_file, (const char *path, int count), (path, count))
GROQ_LAZY_VOID_STUB(editline, rl_resize_terminal, (void), ())
GROQ_LAZY_VOID_STUB(editline, rl_callback_read_char, (void), ())
GROQ_LAZY_VOID_STUB(editline, rl_callback_handler_install, (const char *prompt, void *handler), (prompt, handler))
GROQ_LAZY_VOID_STUB(editline, rl_callback_handler_remove, (void), ())
GROQ_LAZY_STUB(editline, char **, rl_completion_matches, (const char *text, void *generator), (text, generator))
GROQ_LAZY_VOID_STUB(editline, rl_forced_update_display, (void), ())
