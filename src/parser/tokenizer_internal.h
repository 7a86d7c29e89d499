/* tokenizer_internal.h -- the AdTokenizer state, shared by tokenizer*.c.
 *
 * Owns: struct AdTokenizer and the room-private helpers between the
 * decoder (tokenizer_decode.c), the lexer (tokenizer.c), the error
 * reporting (tokenizer_error.c) and the dump (tokenizer_dump.c).
 * Nothing outside src/parser/tokenizer*.c may include it.
 */
#ifndef ADDER_PARSER_TOKENIZER_INTERNAL_H
#define ADDER_PARSER_TOKENIZER_INTERNAL_H

#include <stdarg.h>
#include <stddef.h>
#include "parser/tokenizer.h"

#define TOK_MAXINDENT 100       /* as CPython's MAXINDENT */
#define TOK_MAXLEVEL 200        /* as CPython's MAXLEVEL */
#define TOK_MAXFSTRINGLEVEL 150 /* as CPython's MAXFSTRINGLEVEL */
#define TOK_MAX_EXPR_NESTING 3  /* nested replacement fields in a format spec */
#define TOK_TABSIZE 8

/* tok->done */
enum {
    TOK_OK = 0,
    TOK_EOF,        /* input exhausted normally */
    TOK_ERROR,      /* error record set */
};

/* A pending decoding problem found by the decoder: reported when the lexer
 * reaches line `lineno` (CPython reads and checks the source line by line). */
enum {
    TOK_PENDING_NONE = 0,
    TOK_PENDING_NUL,       /* a NUL byte on line `lineno` */
    TOK_PENDING_BADUTF8,   /* invalid UTF-8 on line `lineno` */
};

typedef struct tok_mode {
    int fstring;            /* 0: regular mode; 1: inside an f/t-string */
    int in_string_part;     /* fstring only: 1 while scanning literal text */
    char quote;
    int quote_size;         /* 1 or 3 */
    int raw;
    int is_t;               /* t-string (TSTRING_* tokens) */
    const char *start;      /* the prefix's first character */
    const char *multi_line_start;
    int line_start_no;      /* line of start */
    int curly_depth;
    int expr_start_depth;   /* -1 when not inside a replacement field */
    int in_format_spec;
    int debug;
    const char *expr_start; /* after the '{' of the current field */
    const char *expr_end;   /* first ':', '!' or '}' ending it, or NULL */
} tok_mode;

struct AdTokenizer {
    char *filename;
    int flags;
    int extra;               /* AD_TOKF_EXTRA_TOKENS */
    const char *encoding;    /* static string */

    char *buf;               /* decoded source, NUL-terminated */
    size_t len;
    const char *limit;       /* end of the part that may be read */
    int implicit_newline;    /* the decoder added the final '\n' */
    int nlines;              /* lines in buf */

    int pending;             /* TOK_PENDING_* at `limit` */
    int pending_lineno;
    size_t pending_col;      /* byte column of the bad byte in its line */
    unsigned char pending_byte;
    const char *pending_line;/* its line in the raw bytes (copy) */
    size_t pending_line_len;

    /* cursor */
    const char *cur;
    const char *inp;         /* end of the current line (after its '\n') */
    const char *line_start;
    int lineno;
    int done;
    const char *buf_start;   /* extra mode: first line CPython's readline
                              * tokenizer still holds (for EOF offsets) */

    /* current token */
    const char *start;
    int first_lineno;
    const char *multi_line_start;

    /* layout */
    int atbol;
    int indent;
    int pendin;
    int indstack[TOK_MAXINDENT];
    int altindstack[TOK_MAXINDENT];
    int comment_newline;
    int cont_line;

    /* brackets */
    int level;
    char parenstack[TOK_MAXLEVEL];
    int parenlineno[TOK_MAXLEVEL];
    int parencol[TOK_MAXLEVEL];

    /* f-strings */
    tok_mode modes[TOK_MAXFSTRINGLEVEL];
    int mode_index;

    /* error record and the strings it owns */
    AdTokError err;
    char *errmsg;
    char *errtext;
    int extra_error_kind;    /* in extra mode: the tokenize error flavour */

    AdTokWarnFunc warn;
    void *warnctx;

    /* strings handed out (metadata) and freed with the tokenizer */
    char **owned;
    size_t nowned, capowned;

    /* line index for AdTokenizer_GetLine (built on demand) */
    const char **lines;
    int nindexed;
};

/* tokenizer_decode.c: decode SRC into tok->buf, setting encoding, limit,
 * pending problems, or an immediate error (bad cookie).  Returns 0, or -1
 * when out of memory. */
int parser_tok_decode(AdTokenizer *tok, const char *src, size_t len);

/* tokenizer_codecs.c: the codec a coding cookie names. */
enum {
    PARSER_CODEC_UNKNOWN = 0, /* "unknown encoding: NAME" */
    PARSER_CODEC_UTF8,        /* a spelling of utf-8 other than "utf-8" itself */
    PARSER_CODEC_LATIN1,
    PARSER_CODEC_ASCII,
    PARSER_CODEC_UTF16,
    PARSER_CODEC_UTF32,
    PARSER_CODEC_ICONV,       /* decoded through iconv(3) */
    PARSER_CODEC_NOT_TEXT,    /* rot13, base64, ...: "'NAME' is not a text encoding; ..." */
    PARSER_CODEC_UNDEFINED,   /* the "undefined" codec: "undefined encoding" */
};
struct parser_codec;
/* Look NAME (the cookie's normal name) up as Python's codec registry
 * would; returns a PARSER_CODEC_* kind and sets *CODEC (NULL when
 * unknown). */
int parser_codec_lookup(const char *name, const struct parser_codec **codec);
/* Decode SRC[0..N) with CODEC into a malloc'ed NUL-terminated UTF-8 *OUT of
 * *OUTLEN bytes.  Returns 0; 1 when the codec fails, with str() of its
 * UnicodeDecodeError (or UnicodeError) in MSG; -1 when out of memory. */
int parser_codec_decode(const struct parser_codec *codec, const char *src, size_t n,
                        char **out, size_t *outlen, char *msg, size_t msgcap);

/* tokenizer_error.c */
/* Set the error record: KIND, message from FMT, line LINENO, 1-based
 * character offsets, TEXT (copied; may be NULL) of TEXTLEN bytes. */
void parser_tok_set_error(AdTokenizer *tok, AdTokErrorKind kind, int lineno,
                          int offset, int end_lineno, int end_offset,
                          const char *text, size_t textlen,
                          const char *fmt, ...)
    __attribute__((format(printf, 9, 10)));
/* Number of code points in S[0..N) (invalid bytes count as one each). */
int parser_tok_char_count(const char *s, size_t n);
/* Keep P (malloc'ed) until the tokenizer is freed; returns P or NULL. */
char *parser_tok_own(AdTokenizer *tok, char *p);
/* UTF-8 decode one code point at S (N bytes available); sets *LEN.
 * Returns -1 for an invalid sequence (with *LEN = 1). */
long parser_tok_utf8_decode(const unsigned char *s, size_t n, int *len);
/* Append code point CP as UTF-8 (surrogates allowed) to OUT; returns bytes. */
int parser_tok_utf8_encode(unsigned long cp, char *out);

#endif /* ADDER_PARSER_TOKENIZER_INTERNAL_H */
