/* traceback_print.h: printing exceptions exactly as CPython 3.14's default
 * sys.excepthook does when the output is not a terminal (no colour): the
 * rules of the stdlib's traceback.py (format_frame_summary with its ~~~^^^
 * markers, StackSummary.format's "[Previous line repeated N more times]",
 * TracebackException.format with chains, notes, SyntaxError's layout and
 * exception groups drawn as trees, the "Did you mean" suggestions), and the
 * default sys.unraisablehook's "Exception ignored ..." report.
 *
 * Two layers:
 *  - a pure core (traceback_print_core.c) working on UTF-8 strings, with no
 *    objects: one frame, a stack, a SyntaxError's lines, the Levenshtein
 *    suggestion rule;
 *  - the printer (traceback_print.c) that reads exceptions, tracebacks,
 *    frames and code objects, source files (with their PEP 263 encoding,
 *    as linecache does), sys.tracebacklimit and sys.stdlib_module_names. */
#ifndef ADDER_OBJECTS_TRACEBACK_PRINT_H
#define ADDER_OBJECTS_TRACEBACK_PRINT_H
#include <limits.h>
#include <stddef.h>
#include <stdio.h>
#include "objects/object.h"

/* ---- the pure core ---- */

/* A growable UTF-8 output buffer. `failed` is set (and stays set) when an
 * allocation failed; data is NUL-terminated when not NULL. */
typedef struct AdTbBuf {
    char *data;
    size_t len, cap;
    int failed;
} AdTbBuf;

void AdTbBuf_Init(AdTbBuf *b);
void AdTbBuf_Free(AdTbBuf *b);
int AdTbBuf_Append(AdTbBuf *b, const char *s, size_t n);    /* 0 or -1 */
int AdTbBuf_Puts(AdTbBuf *b, const char *s);                /* 0 or -1 */

/* "None" for a missing number. */
#define AD_TB_NONE INT_MIN

/* One traceback.FrameSummary. Strings are UTF-8 and borrowed. */
typedef struct AdTbFrameSummary {
    const char *filename;
    const char *name;
    int lineno;          /* AD_TB_NONE: None (printed "line None") */
    int end_lineno;      /* AD_TB_NONE: same as lineno */
    int colno;           /* UTF-8 byte offsets; AD_TB_NONE when unknown */
    int end_colno;
    /* FrameSummary._lines: the source lines lineno..end_lineno, each
     * rstrip()ed, joined with "\n", with a final "\n"; NULL when there is
     * no source (None). */
    const char *lines;
    int colorize;        /* 1: with the default theme's ANSI colours (3.14) */
} AdTbFrameSummary;

/* StackSummary.format_frame_summary: appends the frame's lines ("  File
 * ...", the dedented source, the caret lines) to OUT. 0, or -1 when out of
 * memory. */
int AdTraceback_FormatFrameSummary(const AdTbFrameSummary *fs, AdTbBuf *out);

/* StackSummary.format: every frame, with runs of more than 3 identical
 * (filename, lineno, name) frames cut to 3 and "  [Previous line repeated
 * N more time(s)]". 0 or -1 (out of memory). */
int AdTraceback_FormatStack(const AdTbFrameSummary *frames, size_t n, AdTbBuf *out);

/* What TracebackException keeps of a SyntaxError, as strings already
 * str()'d by the caller (NULL for None). */
typedef enum { AD_TB_OFFSET_NONE, AD_TB_OFFSET_INT, AD_TB_OFFSET_OTHER } AdTbOffsetKind;
typedef struct AdTbSyntaxError {
    const char *type_name;   /* "SyntaxError", "IndentationError", "mod.Qual" ... */
    const char *filename;    /* str(filename) or NULL (None) */
    int filename_falsy;      /* filename is falsy ("" or None...): "<string>" */
    const char *lineno;      /* str(lineno) or NULL */
    const char *end_lineno;  /* str(end_lineno) or NULL */
    const char *text;        /* the text when it is a str, else NULL */
    AdTbOffsetKind offset_kind, end_offset_kind;
    long offset, end_offset;
    const char *msg;         /* str(msg) when msg is truthy, else NULL */
    int colorize;            /* 1: with the default theme's ANSI colours */
} AdTbSyntaxError;

/* The colours of 3.14's default theme (_colorize.Traceback) that the
 * printer uses: type, message, filename, line_no, frame, error_highlight,
 * error_range and reset. */
#define AD_TB_COLOR_TYPE "\x1b[1;35m"
#define AD_TB_COLOR_MESSAGE "\x1b[35m"
#define AD_TB_COLOR_FILENAME "\x1b[35m"
#define AD_TB_COLOR_LINE_NO "\x1b[35m"
#define AD_TB_COLOR_FRAME "\x1b[35m"
#define AD_TB_COLOR_HIGHLIGHT "\x1b[1;31m"
#define AD_TB_COLOR_RANGE "\x1b[31m"
#define AD_TB_COLOR_RESET "\x1b[0m"

/* TracebackException._format_syntax_error (no keyword-typo search: the
 * caller rewrites msg/text/offsets first if it wants the hint). 0 or -1. */
int AdTraceback_FormatSyntaxError(const AdTbSyntaxError *se, AdTbBuf *out);

/* The suggestion rule of 3.14 (the _suggestions module: Levenshtein
 * distance over UTF-8 bytes with case changes costing 1 and other edits 2,
 * at most a third of the characters changed, candidate lists of 750 names
 * or more and names over 40 bytes ignored). NAMES[0..n) are UTF-8 strings.
 * Returns the index of the best candidate, or -1 when none. */
Ad_ssize_t AdTraceback_ComputeSuggestion(const char *const *names, Ad_ssize_t n,
                                         const char *wrong_name);

/* textwrap.indent(text, prefix, lambda line: True): PREFIX before every line
 * of TEXT (lines as str.splitlines(keepends=True) cuts them). 0 or -1. */
int AdTraceback_IndentAll(AdTbBuf *out, const char *text, size_t len, const char *prefix);

/* ---- the printer (needs the object model) ---- */

/* Prints EXC (an exception instance) with its traceback, chained exceptions, notes
 * and group members as traceback._print_exception_bltin does: through
 * FILE_OR_NULL.write(str) when given (sys.stderr), else to FALLBACK.
 * Returns 0, or -1 with an exception raised when writing failed. */
int AdTraceback_PrintException(AdObject *exc, AdObject *file_or_null, FILE *fallback);

/* The same, coloured with 3.14's default theme when COLORIZE is 1. */
int AdTraceback_PrintExceptionEx(AdObject *exc, AdObject *file_or_null, FILE *fallback, int colorize);

/* Whether a report written to FILE (a Python file object; NULL or None:
 * C stderr) is coloured, as _colorize.can_colorize(file=FILE) decides:
 * the environment (runtime/colorize.h), else os.isatty(file.fileno()),
 * else file.isatty() when fileno() raised OSError. Never fails (errors
 * inside are cleared; a raised exception is kept). */
int AdTraceback_CanColorize(AdObject *file);

/* AdTraceback_PrintException(exc, file, stderr) coloured when
 * AdTraceback_CanColorize(file), with the signature of
 * AdSys_PrintExceptionHook (modules/sys.h) so that the runtime can install
 * it as the default sys.excepthook's printer. */
int AdTraceback_ExceptHook(AdObject *exc, AdObject *file);

/* The same text as a new str object (NULL with an exception on failure). */
AdObject *AdTraceback_FormatException(AdObject *exc);

/* Prints EXC as an uncaught exception: flushes sys.stdout, then prints to
 * sys.stderr (or C stderr when it is missing or None). Never fails: errors
 * while printing are cleared. */
void AdErr_Display(AdObject *exc);

/* The default sys.unraisablehook's report: "ERR_MSG: repr(OBJ)" (ERR_MSG
 * NULL: "Exception ignored in") or "ERR_MSG:" when OBJ is NULL/None, then
 * "Traceback (most recent call last):" and the frames of TB without carets
 * (CPython's C printer), then "module.Qualname: str(exc)". Writes to
 * FILE_OR_NULL.write or FALLBACK. 0, or -1 with an exception set. */
int AdTraceback_PrintUnraisable(AdObject *exc, AdObject *tb, const char *err_msg,
                                AdObject *obj, AdObject *file_or_null, FILE *fallback);

/* Source of code that has no file (-c, the REPL, exec of a string), as
 * linecache._register_code records it: later tracebacks through CODE or
 * the code objects in its constants show lines of SOURCE (UTF-8). 0 or -1. */
int AdTraceback_RegisterSource(AdObject *code, const char *source, size_t len);
/* Finalization: forgets every registered source. */
void AdTraceback_ClearSources(void);

#endif
