/* repl.h: the interactive loop (the REPL) and its parts: deciding whether
 * typed text is complete, incomplete or invalid (as codeop does), reading
 * lines (libedit, loaded with dlopen only when a terminal REPL starts, or a
 * plain reader), Tab completion and the colour decision. */
#ifndef ADDER_REPL_REPL_H
#define ADDER_REPL_REPL_H

#include <stddef.h>

#include "objects/object.h"
#include "runtime/interp.h"

/* Runs the interactive loop on stdin in __main__. With a terminal on stdin
 * it edits lines with libedit (or a plain reader when libedit cannot be
 * loaded); otherwise it reads lines plainly and writes the prompts to
 * stderr, as CPython's basic REPL does. SHOW_BANNER prints the banner
 * (unless -q); startup runs PYTHONSTARTUP first. Returns the exit status
 * (0 on end of input, a SystemExit's code). */
int AdRepl_Run(AdInterp *interp, int show_banner, int run_startup);

typedef enum {
    AD_REPL_EMPTY,       /* only blank lines and comments */
    AD_REPL_COMPLETE,    /* compiles: run it */
    AD_REPL_INCOMPLETE,  /* more lines are needed */
    AD_REPL_INVALID      /* a syntax error: report it */
} AdReplCheck;

/* Classifies SRC[0..LEN) (lines joined by "\n"; a last empty line means
 * the user entered a blank line) as codeop.compile_command(src, symbol=
 * "single") would. */
AdReplCheck AdRepl_Check(const char *src, size_t len);

/* The __main__ module's dict (created as run.c creates it); borrowed. */
AdObject *AdRepl_MainDict(AdInterp *interp);

/* Completion: fills *OUT (malloc'd array of malloc'd strings, count
 * returned) with the candidates for the word ending at TEXT[0..LEN): a
 * keyword or a name of __main__/builtins, or NAME.NAME...attr. Each
 * candidate is the whole word. Never calls Python code for the dotted
 * part beyond attribute lookup and dir(). Returns -1 on error. */
int AdRepl_Complete(AdInterp *interp, const char *text, size_t len, char ***out);
void AdRepl_FreeCompletions(char **list, int n);

/* Whether prompts and tracebacks are coloured, as 3.14 decides it for a
 * stream on FD (PYTHON_COLORS, NO_COLOR, FORCE_COLOR, TERM=dumb, isatty). */
int AdRepl_CanColorize(AdInterp *interp, int fd);

/* --- the line reader (repl_edit.c) --- */
typedef struct AdReplEditor AdReplEditor;

/* Opens a reader for stdin: libedit when stdin and stdout are terminals
 * and it loads (history loaded from HISTORY_PATH when not NULL), else
 * the plain reader. */
AdReplEditor *AdReplEditor_Open(AdInterp *interp, const char *history_path);
/* Reads one line (without its newline) after showing PROMPT, with INDENT
 * already typed. Returns a malloc'd line; NULL at end of input
 * (*interrupted 0) or on Ctrl-C (*interrupted 1). *pasted is set when the
 * line ends a bracketed paste: it then holds the whole pasted text. */
char *AdReplEditor_ReadLine(AdReplEditor *ed, const char *prompt, const char *indent,
                            int *interrupted, int *pasted);
/* Adds LINE to the history (consecutive duplicates dropped); a block
 * entered over several lines is one entry, its lines joined by newlines. */
void AdReplEditor_AddHistory(AdReplEditor *ed, const char *line);
/* Saves the history and releases the reader. */
void AdReplEditor_Close(AdReplEditor *ed);

#endif
