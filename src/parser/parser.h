/* parser.h -- the Python 3.14 parser: source text -> AST (public contract).
 *
 * Owns: the entry points that turn a byte buffer or a file into an AdMod
 * (parser/ast.h) living in a caller-supplied arena, the syntax error record
 * (SyntaxError / IndentationError / TabError with CPython 3.14's message and
 * location), and the two test hooks behind `adder -X dump_ast FILE` and
 * `adder -X dump_syntax_error FILE`.
 *
 * Model: a hand-written PEG parser over the tokens of parser/tokenizer.h,
 * following Grammar/python.gram of 3.14.  Like CPython it parses once
 * without the invalid_* rules and, on failure, a second time with them to
 * find the specific message.
 */
#ifndef ADDER_PARSER_PARSER_H
#define ADDER_PARSER_PARSER_H

#include <stddef.h>
#include <stdio.h>

#include "parser/arena.h"
#include "parser/ast.h"

typedef enum AdParseMode {
    AD_PARSE_EXEC,       /* file_input: Module */
    AD_PARSE_EVAL,       /* eval_input: Expression */
    AD_PARSE_SINGLE,     /* single_input: Interactive */
    AD_PARSE_FUNC_TYPE   /* func_type_input: FunctionType */
} AdParseMode;

/* Flags for AdParser_ParseString (bitwise or). */
enum {
    /* The source is a str (compile() of text): no coding cookie applies. */
    AD_PARSEF_STR_INPUT = 1 << 0,
};

typedef enum AdParseErrorKind {
    AD_PERR_NONE = 0,
    AD_PERR_SYNTAX,        /* SyntaxError */
    AD_PERR_INDENTATION,   /* IndentationError */
    AD_PERR_TAB,           /* TabError */
    AD_PERR_MEMORY,        /* MemoryError (out of memory, or "Parser stack
                            * overflowed - Python source too complex to parse") */
    AD_PERR_OS             /* the file could not be read (msg: strerror) */
} AdParseErrorKind;

typedef struct AdParseError {
    AdParseErrorKind kind;
    char *msg;          /* malloc'ed UTF-8 message */
    char *filename;     /* malloc'ed; the name given to the parser */
    int lineno;         /* SyntaxError.lineno (1-based; 0 if none) */
    int offset;         /* SyntaxError.offset (1-based characters; 0 if none) */
    int end_lineno;     /* SyntaxError.end_lineno */
    int end_offset;     /* SyntaxError.end_offset (may be 0 or -1 as in CPython) */
    char *text;         /* malloc'ed source line with its "\n", or NULL (None) */
    int at_eof;         /* the input ended before the parser could finish: the
                         * tokenizer reached the end (or failed there); with
                         * PyCF_ALLOW_INCOMPLETE_INPUT CPython says "incomplete
                         * input" instead (codeop, the REPL) */
} AdParseError;

/* A SyntaxWarning met while parsing (invalid escape sequences, "invalid
 * decimal literal" and friends), as the warnings module receives it. */
typedef struct AdParseWarning {
    const char *msg;
    int lineno, offset, end_lineno, end_offset;
    const char *line;   /* the decoded text of line LINENO (no newline), or NULL */
    size_t line_len;
} AdParseWarning;

/* Warning callback: return 0 to go on, -1 to turn the warning into a
 * SyntaxError with the same message (-W error). */
typedef int (*AdParseWarnFunc)(void *ctx, const AdParseWarning *w);

/* Parse SRC[0..LEN) in MODE.  FILENAME (NULL -> "<string>") is used for
 * messages.  On success returns the tree, allocated in ARENA, and leaves
 * *ERR zeroed.  On failure returns NULL and fills *ERR (release it with
 * AdParseError_Clear).  ERR must not be NULL. */
AdMod *AdParser_ParseString(const char *src, size_t len, const char *filename,
                            AdParseMode mode, int flags, AdArena *arena,
                            AdParseError *err);

/* AdParser_ParseString, reporting SyntaxWarnings to WARN (may be NULL: they
 * are dropped).  As in CPython, the warnings come from the first parse
 * only, each once, in source order of discovery. */
AdMod *AdParser_ParseStringEx(const char *src, size_t len, const char *filename,
                              AdParseMode mode, int flags, AdArena *arena,
                              AdParseError *err, AdParseWarnFunc warn, void *warnctx);

/* Read the file at PATH and parse it as AdParser_ParseString does with
 * filename PATH.  An unreadable file gives kind AD_PERR_OS. */
AdMod *AdParser_ParseFile(const char *path, AdParseMode mode, AdArena *arena,
                          AdParseError *err);

/* Free the strings held by ERR and zero it.  Safe on a zeroed record. */
void AdParseError_Clear(AdParseError *err);

/* "SyntaxError", "IndentationError", "TabError", "MemoryError", "OSError". */
const char *AdParseError_TypeName(AdParseErrorKind kind);

/* CPython 3.14's keyword-typo hint (traceback's _find_keyword_typos): if
 * ERR is a plain "invalid syntax" (or "... Perhaps you forgot a comma?")
 * error of the file whose bytes are SRC[0..LEN), try the keywords close
 * to each NAME of the error line in its place; when the changed code
 * parses (or is only incomplete), rewrite ERR's msg ("invalid syntax. Did
 * you mean 'while'?"), text, offset and end_offset (lineno, which the
 * header line shows, is kept).  Warnings that CPython's codeop re-emits
 * while trying are printed to WARN_OUT ("<input>:N: SyntaxWarning: msg").
 * Limitation: CPython starts the code it tries at the last compound
 * statement the parser completed (SyntaxError._metadata); this starts it
 * at line 1, so on files over 1024 characters before the error line it
 * suggests nothing, where CPython sometimes does. */
void AdParseError_SuggestKeyword(AdParseError *err, const char *src, size_t len,
                                 FILE *warn_out);

/* Print ERR as CPython 3.14 prints an uncaught SyntaxError of a script:
 *   File "PATH", line N / the stripped source line / carets / Type: msg
 * (MemoryError prints only "MemoryError: msg"). */
void AdParseError_Print(const AdParseError *err, FILE *out);

/* Test hook for `adder -X dump_ast FILE`: parse the file and print
 * ast.dump(tree, include_attributes=True) and a newline to OUT, returning
 * 0; on a syntax error print the error to ERR as an uncaught SyntaxError
 * of the script (with the keyword-typo hint) and return 1.  SyntaxWarnings
 * go to ERR first, as the warnings module shows them:
 * "PATH:LINE: SyntaxWarning: MSG" and the stripped source line. */
int AdParser_DumpAstFile(const char *path, FILE *out, FILE *err);

/* Test hook for `adder -X dump_syntax_error FILE`: print exactly one line,
 * "OK" if the file parses, else "Type|msg|lineno|offset|end_lineno|end_offset"
 * as CPython gives them for ast.parse(open(path,'rb').read(), path).
 * Returns 0. */
int AdParser_DumpSyntaxErrorFile(const char *path, FILE *out);

#endif /* ADDER_PARSER_PARSER_H */
