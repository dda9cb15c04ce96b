// libedit through its readline compatibility layer: el_set() and history() are C variadics, which Swift cannot call,
// and the readline API covers what the REPL needs (see shared/platform-notes.md section 4).
// stdio.h must come first: editline/readline.h uses FILE without including it.
#include <stdio.h>
#include <editline/readline.h>
