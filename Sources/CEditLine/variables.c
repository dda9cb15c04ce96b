#include "CEditLine.h"

#include <pthread.h>

void *groq_editline_symbol(const char *name);

static struct groq_editline_variables variables;
static pthread_once_t found = PTHREAD_ONCE_INIT;

static void find(void) {
  variables.readline_name = groq_editline_symbol("rl_readline_name");
  variables.catch_signals = groq_editline_symbol("rl_catch_signals");
  variables.getc_function = groq_editline_symbol("rl_getc_function");
  variables.completer_word_break_characters = groq_editline_symbol("rl_completer_word_break_characters");
  variables.attempted_completion_function = groq_editline_symbol("rl_attempted_completion_function");
  variables.attempted_completion_over = groq_editline_symbol("rl_attempted_completion_over");
  variables.completion_append_character = groq_editline_symbol("rl_completion_append_character");
  variables.line_buffer = groq_editline_symbol("rl_line_buffer");
  variables.history_base = groq_editline_symbol("history_base");
  variables.history_length = groq_editline_symbol("history_length");
}

const struct groq_editline_variables *groq_editline_variables(void) {
  pthread_once(&found, find);
  return &variables;
}
