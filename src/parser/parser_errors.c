/* parser_errors.c -- building the syntax error record as CPython 3.14 does.
 *
 * Owns: RAISE_* semantics (byte columns -> 1-based character offsets, the
 * source line as SyntaxError.text), taking over tokenizer errors, the final
 * choice of error after the second pass (generic "invalid syntax",
 * unexpected indent, unclosed brackets found by tokenizing the rest), and
 * printing an error the way an uncaught SyntaxError is shown.
 */
#include "parser/parser_int.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static char *vformat(const char *fmt, va_list ap)
{
    va_list ap2;
    va_copy(ap2, ap);
    int n = vsnprintf(NULL, 0, fmt, ap2);
    va_end(ap2);
    if (n < 0)
        return NULL;
    char *s = malloc((size_t)n + 1);
    if (s)
        vsnprintf(s, (size_t)n + 1, fmt, ap);
    return s;
}

/* Characters in the first OFF bytes of LINE, as CPython's
 * _PyPegen_byte_offset_to_character_offset (OFF is 1-based). */
static int byte_to_char(const char *line, size_t linelen, int off)
{
    if (off <= 0)
        return off;
    size_t n = (size_t)off;
    int extra = 0;
    if (n > linelen + 1)
        n = linelen + 1;
    if (n == linelen + 1) {
        n = linelen;
        extra = 1;
    }
    int chars = 0;
    for (size_t i = 0; i < n; i++) {
        unsigned char c = (unsigned char)line[i];
        if ((c & 0xC0) != 0x80)
            chars++;
    }
    return chars + extra;
}

static const char *get_line(Parser *p, int lineno, size_t *len)
{
    *len = 0;
    if (lineno <= 0)
        return NULL;
    return AdTokenizer_GetLine(p->tok, lineno, len);
}

void *parser_raise_at(Parser *p, AdParseErrorKind kind, int lineno, int col,
                      int end_lineno, int end_col, const char *fmt, ...)
{
    if (p->error && p->err->kind != AD_PERR_NONE)
        return NULL;
    p->error = 1;
    /* 0-based byte columns to the 1-based ones CPython hands on */
    if (col != PARSER_CURRENT_POS)
        col = col + 1;
    if (end_col != PARSER_CURRENT_POS)
        end_col = end_col + 1;
    ptok *last = p->fill > 0 ? p->toks[p->fill - 1] : NULL;
    if (end_lineno == PARSER_CURRENT_POS)
        end_lineno = last ? last->end_lineno : lineno;
    if (end_col == PARSER_CURRENT_POS)
        end_col = last ? last->end_col : -1;

    AdParseError *e = p->err;
    AdParseError_Clear(e);
    e->kind = kind;
    va_list ap;
    va_start(ap, fmt);
    e->msg = vformat(fmt, ap);
    va_end(ap);
    e->filename = strdup(AdTokenizer_Filename(p->tok));
    size_t len;
    const char *line = get_line(p, lineno, &len);
    if (line) {
        e->text = malloc(len + 1);
        if (e->text) {
            memcpy(e->text, line, len);
            e->text[len] = '\0';
        }
    }
    e->lineno = lineno;
    e->end_lineno = end_lineno;
    e->offset = line ? byte_to_char(line, len, col) : (col > 1 ? 1 : col);
    if (end_col > 0) {
        size_t elen = len;
        const char *eline = line;
        if (end_lineno != lineno)
            eline = get_line(p, end_lineno, &elen);
        e->end_offset = eline ? byte_to_char(eline, elen, end_col) : end_col;
    } else {
        e->end_offset = end_col;
    }
    return NULL;
}

void *parser_raise(Parser *p, AdParseErrorKind kind, int use_mark, const char *fmt, ...)
{
    if (p->error && p->err->kind != AD_PERR_NONE)
        return NULL;
    ptok *t = NULL;
    if (use_mark)
        t = parser_token_at(p, p->mark);
    if (!t && p->fill > 0)
        t = p->toks[p->fill - 1];
    va_list ap;
    va_start(ap, fmt);
    char *msg = vformat(fmt, ap);
    va_end(ap);
    if (!t) {
        parser_raise_at(p, kind, 0, -1, 0, -2, "%s", msg ? msg : "");
        free(msg);
        return NULL;
    }
    int col = t->col, end_col = t->end_col;
    if (t->col == -1) {
        /* CPython's INDENT/DEDENT/ENDMARKER carry no columns: the
         * tokenizer's cursor is used, and no end. */
        col = t->cur_col - 1;
        end_col = -2;
    }
    parser_raise_at(p, kind, t->lineno, col, t->end_lineno, end_col, "%s", msg ? msg : "");
    free(msg);
    return NULL;
}

void parser_take_tokenizer_error(Parser *p)
{
    const AdTokError *te = AdTokenizer_Error(p->tok);
    p->error = 1;
    p->tok_failed = 1;
    if (!te || te->kind == AD_TOKERR_NONE)
        return;
    AdParseError *e = p->err;
    AdParseError_Clear(e);
    e->kind = te->kind == AD_TOKERR_INDENTATION ? AD_PERR_INDENTATION :
              te->kind == AD_TOKERR_TAB ? AD_PERR_TAB : AD_PERR_SYNTAX;
    e->msg = strdup(te->msg ? te->msg : "");
    e->filename = strdup(AdTokenizer_Filename(p->tok));
    e->lineno = te->lineno;
    e->offset = te->offset;
    e->end_lineno = te->end_lineno;
    e->end_offset = te->end_offset;
    e->text = te->text ? strdup(te->text) : NULL;
}

/* Tokenize the rest of the input: a tokenizer error found there replaces a
 * parser error, and so does an unclosed bracket opened on an earlier line
 * than the error. */
static void tokenize_rest(Parser *p)
{
    if (p->tok_failed)
        return;
    ptok *cur = p->fill > 0 ? p->toks[p->fill - 1] : NULL;
    int err_line = cur ? cur->lineno : 0;
    for (;;) {
        AdToken t;
        int type = AdTokenizer_Next(p->tok, &t);
        if (type == AD_TOK_ENDMARKER)
            return;
        if (type != AD_TOK_ERRORTOKEN)
            continue;
        const AdTokError *te = AdTokenizer_Error(p->tok);
        if (te && te->at_eof) {
            /* EOF in brackets: replaces the error only when the bracket
             * was opened on an earlier line than the error */
            char ch;
            int line = 0, col;
            if (AdTokenizer_OpenBracket(p->tok, &ch, &line, &col) && err_line > line) {
                p->err->kind = AD_PERR_NONE;
                parser_take_tokenizer_error(p);
            }
            return;
        }
        p->err->kind = AD_PERR_NONE;
        parser_take_tokenizer_error(p);
        return;
    }
}

void parser_set_syntax_error(Parser *p, ptok *last_token)
{
    if (p->err->kind != AD_PERR_NONE) {
        if (!p->tok_failed && p->err->kind != AD_PERR_MEMORY)
            tokenize_rest(p);
        return;
    }
    if (!last_token) {
        RAISE_SYNTAX_ERROR("error at start before reading any input");
        return;
    }
    if (last_token->type == AD_TOK_INDENT || last_token->type == AD_TOK_DEDENT) {
        /* like RAISE_INDENTATION_ERROR: located at the last token read */
        p->error = 0;
        parser_raise(p, AD_PERR_INDENTATION, 0,
                     last_token->type == AD_TOK_INDENT ? "unexpected indent" : "unexpected unindent");
        return;
    }
    p->error = 0;
    RAISE_TOK_LOCATION(last_token, "invalid syntax");
    tokenize_rest(p);
}

/* ---- printing ---- */

static int is_space_char(unsigned char c)
{
    return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v';
}

static size_t utf8_chars(const char *s, size_t n)
{
    size_t c = 0;
    for (size_t i = 0; i < n; i++)
        if (((unsigned char)s[i] & 0xC0) != 0x80)
            c++;
    return c;
}

/* Byte index of the CHARS-th character of S[0..N). */
static size_t utf8_index(const char *s, size_t n, size_t chars)
{
    size_t i = 0, c = 0;
    while (i < n) {
        if (((unsigned char)s[i] & 0xC0) != 0x80) {
            if (c == chars)
                return i;
            c++;
        }
        i++;
    }
    return n;
}

void AdParseError_Print(const AdParseError *e, FILE *out)
{
    const char *type = AdParseError_TypeName(e->kind);
    if (e->kind == AD_PERR_MEMORY || e->kind == AD_PERR_OS) {
        if (e->msg && *e->msg)
            fprintf(out, "%s: %s\n", type, e->msg);
        else
            fprintf(out, "%s\n", type);
        return;
    }
    if (e->lineno > 0 || e->text)
        fprintf(out, "  File \"%s\", line %d\n", e->filename ? e->filename : "<string>", e->lineno);
    if (e->text) {
        const char *text = e->text;
        size_t tlen = strlen(text);
        size_t rlen = tlen;
        while (rlen > 0 && text[rlen - 1] == '\n')
            rlen--;
        size_t lstart = 0;
        while (lstart < rlen && (text[lstart] == ' ' || text[lstart] == '\n' || text[lstart] == '\f'))
            lstart++;
        const char *ltext = text + lstart;
        size_t llen = rlen - lstart;
        long rchars = (long)utf8_chars(text, rlen);
        long tchars = (long)utf8_chars(text, tlen);
        long spaces = (long)lstart;   /* stripped characters are ASCII */
        long offset = e->offset;
        long end_offset;
        if (e->lineno == e->end_lineno)
            end_offset = e->end_offset != 0 ? e->end_offset : offset;
        else
            end_offset = rchars + 1;
        if (tlen && offset > tchars)
            offset = rchars + 1;
        if (tlen && end_offset > tchars)
            end_offset = rchars + 1;
        if (offset >= end_offset || end_offset < 0)
            end_offset = offset + 1;
        long colno = offset - 1 - spaces;
        long end_colno = end_offset - 1 - spaces;
        fprintf(out, "    %.*s\n", (int)llen, ltext);
        if (colno >= 0) {
            fputs("    ", out);
            size_t upto = utf8_index(ltext, llen, (size_t)colno);
            size_t i = 0;
            long printed = 0;
            while (i < upto) {
                unsigned char c = (unsigned char)ltext[i];
                if ((c & 0xC0) != 0x80) {
                    fputc(is_space_char(c) ? c : ' ', out);
                    printed++;
                }
                i++;
            }
            while (printed < colno) {   /* offset past the text */
                fputc(' ', out);
                printed++;
            }
            for (long k = colno; k < end_colno; k++)
                fputc('^', out);
            fputc('\n', out);
        }
    }
    fprintf(out, "%s: %s\n", type, e->msg ? e->msg : "<no detail available>");
}
