/* tokenizer_error.c -- error record and small UTF-8 helpers of the lexer.
 *
 * Owns: parser_tok_set_error (fills AdTokError, owning its strings),
 * character counting, UTF-8 encode/decode, and the list of strings a
 * tokenizer keeps until it is freed.
 */
#include "parser/tokenizer_internal.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

long parser_tok_utf8_decode(const unsigned char *s, size_t n, int *len)
{
    unsigned c = s[0];
    *len = 1;
    if (c < 0x80)
        return (long)c;
    int need;
    unsigned long cp;
    unsigned lo = 0x80, hi = 0xBF;
    if (c >= 0xC2 && c <= 0xDF) {
        need = 1, cp = c & 0x1F;
    } else if (c >= 0xE0 && c <= 0xEF) {
        need = 2, cp = c & 0x0F;
        if (c == 0xE0)
            lo = 0xA0;
        else if (c == 0xED)
            hi = 0x9F; /* surrogates are not UTF-8: CPython rejects them */
    } else if (c >= 0xF0 && c <= 0xF4) {
        need = 3, cp = c & 0x07;
        if (c == 0xF0)
            lo = 0x90;
        if (c == 0xF4)
            hi = 0x8F;
    } else {
        return -1;
    }
    if ((size_t)need >= n)
        return -1;
    for (int i = 1; i <= need; i++) {
        unsigned b = s[i];
        if (b < lo || b > hi)
            return -1;
        lo = 0x80, hi = 0xBF;
        cp = (cp << 6) | (b & 0x3F);
    }
    *len = need + 1;
    return (long)cp;
}

int parser_tok_utf8_encode(unsigned long cp, char *out)
{
    if (cp < 0x80) {
        out[0] = (char)cp;
        return 1;
    }
    if (cp < 0x800) {
        out[0] = (char)(0xC0 | (cp >> 6));
        out[1] = (char)(0x80 | (cp & 0x3F));
        return 2;
    }
    if (cp < 0x10000) {
        out[0] = (char)(0xE0 | (cp >> 12));
        out[1] = (char)(0x80 | ((cp >> 6) & 0x3F));
        out[2] = (char)(0x80 | (cp & 0x3F));
        return 3;
    }
    out[0] = (char)(0xF0 | (cp >> 18));
    out[1] = (char)(0x80 | ((cp >> 12) & 0x3F));
    out[2] = (char)(0x80 | ((cp >> 6) & 0x3F));
    out[3] = (char)(0x80 | (cp & 0x3F));
    return 4;
}

int parser_tok_char_count(const char *s, size_t n)
{
    /* Count lead bytes; the buffer is valid (generalized) UTF-8. */
    int count = 0;
    for (size_t i = 0; i < n; i++)
        if (((unsigned char)s[i] & 0xC0) != 0x80)
            count++;
    return count;
}

int AdTokenizer_CharColumn(const char *line, int bytes)
{
    if (bytes <= 0)
        return 0;
    return parser_tok_char_count(line, (size_t)bytes);
}

char *parser_tok_own(AdTokenizer *tok, char *p)
{
    if (p == NULL)
        return NULL;
    if (tok->nowned == tok->capowned) {
        size_t cap = tok->capowned ? tok->capowned * 2 : 8;
        char **n = realloc(tok->owned, cap * sizeof *n);
        if (n == NULL) {
            free(p);
            return NULL;
        }
        tok->owned = n;
        tok->capowned = cap;
    }
    tok->owned[tok->nowned++] = p;
    return p;
}

void parser_tok_set_error(AdTokenizer *tok, AdTokErrorKind kind, int lineno,
                          int offset, int end_lineno, int end_offset,
                          const char *text, size_t textlen,
                          const char *fmt, ...)
{
    char small[512];
    va_list ap;
    va_start(ap, fmt);
    int n = vsnprintf(small, sizeof small, fmt, ap);
    va_end(ap);
    free(tok->errmsg);
    tok->errmsg = NULL;
    if (n >= 0 && (size_t)n >= sizeof small) {
        tok->errmsg = malloc((size_t)n + 1);
        if (tok->errmsg) {
            va_start(ap, fmt);
            vsnprintf(tok->errmsg, (size_t)n + 1, fmt, ap);
            va_end(ap);
        }
    } else {
        tok->errmsg = strdup(small);
    }
    free(tok->errtext);
    tok->errtext = NULL;
    if (text) {
        tok->errtext = malloc(textlen + 1);
        if (tok->errtext) {
            memcpy(tok->errtext, text, textlen);
            tok->errtext[textlen] = 0;
        }
    }
    tok->err.kind = kind;
    tok->err.msg = tok->errmsg ? tok->errmsg : "out of memory";
    tok->err.lineno = lineno;
    tok->err.offset = offset;
    tok->err.end_lineno = end_lineno;
    tok->err.end_offset = end_offset;
    tok->err.text = tok->errtext;
    tok->err.at_eof = 0;
    tok->done = TOK_ERROR;
}
