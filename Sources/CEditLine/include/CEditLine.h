// libedit through its readline compatibility layer: el_set() and history() are C variadics, which Swift cannot call,
// and the readline API covers what the REPL needs (see shared/platform-notes.md section 4).
//
// libedit is loaded when the REPL starts (see CLazyLibrary.h): its functions below are stubs that do that. Its
// variables cannot be stubbed, so Swift reaches them through groq_editline_variables(); using one of readline.h's
// variables directly fails the link, since groq does not link libedit.
#ifndef GROQ_CEDITLINE_H
#define GROQ_CEDITLINE_H

// stdio.h must come first: editline/readline.h uses FILE without including it.
#include <stdio.h>
#include <editline/readline.h>

/// The addresses of the libedit variables the REPL sets or reads, each with readline.h's type.
struct groq_editline_variables {
  __typeof__(rl_readline_name) *readline_name;
  __typeof__(rl_catch_signals) *catch_signals;
  __typeof__(rl_getc_function) *getc_function;
  __typeof__(rl_completer_word_break_characters) *completer_word_break_characters;
  __typeof__(rl_attempted_completion_function) *attempted_completion_function;
  __typeof__(rl_attempted_completion_over) *attempted_completion_over;
  __typeof__(rl_completion_append_character) *completion_append_character;
  __typeof__(rl_line_buffer) *line_buffer;
  __typeof__(history_base) *history_base;
  __typeof__(history_length) *history_length;
};

/// Loads libedit unless that was tried already: NULL once it is loaded, else why it could not be.
const char *groq_editline_load(void);

/// The variables; call only after groq_editline_load returned NULL.
const struct groq_editline_variables *groq_editline_variables(void);

#endif
