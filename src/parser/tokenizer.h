/* tokenizer.h -- the Python 3.14 tokenizer (public contract of the lexer).
 *
 * Owns: AdTokenizer (source decoding, PEP 263 cookies, physical/logical
 * lines, INDENT/DEDENT, every literal form, PEP 701 f-/t-strings), the
 * error record it reports, and the token dump used by `adder -X dump_tokens`.
 * Implementation: src/parser/tokenizer*.c.
 *
 * Model: the whole source is given up front as bytes.  The tokenizer decodes
 * it once into a private UTF-8 buffer (NUL-terminated, "\r\n" and "\r" turned
 * into "\n", a final "\n" added if missing, as CPython's tokenizer sees it)
 * and hands out tokens pointing into that buffer.  All pointers it returns
 * (token start/end, line text, error message and text) stay valid until
 * AdTokenizer_Free, unless a comment says otherwise.
 *
 * Positions: lineno/end_lineno are 1-based; col_offset/end_col_offset are
 * 0-based UTF-8 byte offsets from the start of the line (as CPython's C
 * tokenizer and ast nodes use).  The error record instead uses 1-based
 * character offsets, as CPython's SyntaxError.offset/end_offset do.
 */
#ifndef ADDER_PARSER_TOKENIZER_H
#define ADDER_PARSER_TOKENIZER_H

#include <stddef.h>
#include <stdio.h>
#include "parser/token.h"

typedef struct AdTokenizer AdTokenizer;

/* Creation flags (bitwise or). */
enum {
    /* Tokenize-module mode: also emit COMMENT and NL tokens, give the
     * generic type AD_TOK_OP in AdToken.type for operators, and report
     * the errors that tokenize.generate_tokens() raises.  Without it
     * (parser mode) comments and blank lines are skipped. */
    AD_TOKF_EXTRA_TOKENS = 1 << 0,
    /* The input is already text (compile()/exec() of a str): it must be
     * valid UTF-8 and any coding cookie is ignored (a BOM is still
     * skipped). Without it the bytes are decoded per PEP 263. */
    AD_TOKF_STR_INPUT = 1 << 1,
    /* The source was read from a file (running a script, importing):
     * decoding errors use CPython's file wording ("encoding problem: X",
     * "Non-UTF-8 code starting with '\\xNN' in file F on line N, ..."). */
    AD_TOKF_FILE_INPUT = 1 << 2,
};

typedef struct AdToken {
    int type;         /* AD_TOK_*: generic type (AD_TOK_OP for operators in
                       * extra-tokens mode; in parser mode == exact_type) */
    int exact_type;   /* exact type: AD_TOK_LPAR etc. for operators,
                       * otherwise the same as type */
    const char *start;     /* token text [start, end) in the decoded buffer */
    const char *end;       /* (empty for DEDENT, ENDMARKER; NEWLINE at EOF
                            * points at an empty string) */
    int lineno;            /* 1-based line of start */
    int col_offset;        /* 0-based byte column of start */
    int end_lineno;        /* 1-based line of end */
    int end_col_offset;    /* 0-based byte column of end */
    const char *line_start;/* start of line `lineno` in the decoded buffer */
    int level;             /* bracket depth after this token */
    /* f-/t-string "=" debug text: on the '!', ':' or '}' token that ends a
     * replacement field containing '=' (as CPython's token metadata), the
     * expression source from after '{' up to that token, comments removed;
     * else NULL.  Owned by the tokenizer, valid until AdTokenizer_Free. */
    const char *metadata;
    size_t metadata_len;
} AdToken;

typedef enum AdTokErrorKind {
    AD_TOKERR_NONE = 0,
    AD_TOKERR_SYNTAX,       /* SyntaxError */
    AD_TOKERR_INDENTATION,  /* IndentationError */
    AD_TOKERR_TAB,          /* TabError */
} AdTokErrorKind;

typedef struct AdTokError {
    AdTokErrorKind kind;
    const char *msg;      /* exact CPython 3.14 message, UTF-8 */
    int lineno;           /* SyntaxError.lineno (1-based) */
    int offset;           /* SyntaxError.offset (1-based, characters) */
    int end_lineno;       /* SyntaxError.end_lineno (0 for None) */
    int end_offset;       /* SyntaxError.end_offset (characters; -1 if none) */
    const char *text;     /* SyntaxError.text as CPython sets it: the source
                           * line of `lineno`, with or without its "\n" as
                           * CPython has it for that error; NULL for None */
    int at_eof;           /* 1 if the error comes from the input ending too
                           * soon (unterminated triple-quoted string, EOF in
                           * brackets or after a backslash): a REPL should
                           * ask for more input */
} AdTokError;

/* A warning found while tokenizing (e.g. SyntaxWarning "invalid decimal
 * literal" for "1if").  Fields are as in AdTokError; the kind is always a
 * SyntaxWarning. */
typedef struct AdTokWarning {
    const char *msg;
    int lineno, offset, end_lineno, end_offset;
} AdTokWarning;

/* Warning callback: return 0 to go on, -1 to turn the warning into a
 * SyntaxError with the same message (as when warnings are errors). */
typedef int (*AdTokWarnFunc)(void *ctx, const AdTokWarning *w);

/* Create a tokenizer over SRC[0..LEN) (copied: the caller keeps SRC).
 * FILENAME (copied; may be NULL -> "<string>") is for messages only.
 * Returns NULL only when out of memory.  Decoding errors (bad cookie,
 * invalid UTF-8, NUL bytes) are not reported here: the first call to
 * AdTokenizer_Next returns ERRORTOKEN with the error record set. */
AdTokenizer *AdTokenizer_New(const char *src, size_t len, const char *filename,
                             int flags);

/* Free the tokenizer and everything it returned.  NULL is allowed. */
void AdTokenizer_Free(AdTokenizer *tok);

/* Set the warning callback (none by default: warnings are dropped). */
void AdTokenizer_SetWarnFunc(AdTokenizer *tok, AdTokWarnFunc fn, void *ctx);

/* Produce the next token into *OUT.  Returns the token's exact type
 * (>= 0).  On error returns AD_TOK_ERRORTOKEN with out->type ==
 * AD_TOK_ERRORTOKEN and the error record set; every later call returns
 * ERRORTOKEN again.  After ENDMARKER every later call returns ENDMARKER.
 *
 * At EOF inside brackets the parser-mode tokenizer fails with "'(' was
 * never closed" (at_eof set), the error CPython's parser reports then; in
 * extra-tokens mode with "unexpected EOF in multi-line statement". */
int AdTokenizer_Next(AdTokenizer *tok, AdToken *out);

/* The error record (kind AD_TOKERR_NONE when there is no error).
 * Owned by the tokenizer. */
const AdTokError *AdTokenizer_Error(const AdTokenizer *tok);

/* Current bracket depth, and the innermost open bracket's character and
 * 1-based line / 0-based byte column (returns 0 if none open). */
int AdTokenizer_Level(const AdTokenizer *tok);
int AdTokenizer_OpenBracket(const AdTokenizer *tok, char *ch, int *lineno,
                            int *col_offset);

/* The encoding the source was read with, as tokenize's ENCODING token
 * shows it ("utf-8", "utf-8-sig", "iso-8859-1", ...).  Static string. */
const char *AdTokenizer_Encoding(const AdTokenizer *tok);

/* The filename given at creation (or "<string>").  Owned by tok. */
const char *AdTokenizer_Filename(const AdTokenizer *tok);

/* The decoded source: a NUL-terminated UTF-8 buffer with "\n" line ends
 * (see the model above); *LEN gets its length.  Owned by tok.  Empty if
 * decoding failed. */
const char *AdTokenizer_Source(const AdTokenizer *tok, size_t *len);

/* The text of source line LINENO (1-based) in the decoded buffer, without
 * copying: returns its start and sets *LEN to its length including the
 * "\n".  Returns NULL if there is no such line.  Owned by tok. */
const char *AdTokenizer_GetLine(AdTokenizer *tok, int lineno, size_t *len);

/* Number of characters (code points) in the first BYTES bytes of the UTF-8
 * text at LINE: turns a byte column into the character column that
 * SyntaxError.offset uses (add 1 for a 1-based offset). */
int AdTokenizer_CharColumn(const char *line, int bytes);

/* Identifier helpers (PEP 3131), for the parser.
 * AdTokenizer_IsXIDStart/Continue: Unicode XID_Start / XID_Continue.
 * AdTokenizer_NormalizeName: if NAME[0..LEN) (UTF-8) is pure ASCII returns
 * NULL (nothing to do); otherwise returns a malloc'ed NUL-terminated NFKC
 * form that the caller frees, with *OUTLEN set; NULL with *OUTLEN = (size_t)-1
 * when out of memory (NFKC by src/unicode/unicode_db.h). */
int AdTokenizer_IsXIDStart(unsigned cp);
int AdTokenizer_IsXIDContinue(unsigned cp);
char *AdTokenizer_NormalizeName(const char *name, size_t len, size_t *outlen);

/* Write the tokens of the file at PATH to OUT exactly as CPython 3.14's
 * `python -m tokenize -e PATH` prints them, and any error to ERR as it
 * does ("PATH:LINE:COL: error: MSG").  Returns the process exit status
 * (0 on success, 1 on a tokenize error or unreadable file). */
int AdTokenizer_DumpFile(const char *path, FILE *out, FILE *err);

#endif /* ADDER_PARSER_TOKENIZER_H */
