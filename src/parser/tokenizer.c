/* tokenizer.c -- the Python 3.14 lexer.
 *
 * Owns: AdTokenizer_New/Free/Next and the accessors of tokenizer.h:
 * physical and logical lines, indentation (INDENT/DEDENT, TabError),
 * brackets, names (PEP 3131), numbers, strings and PEP 701 f-/t-strings,
 * operators, and the CPython 3.14 error messages and positions for all of
 * them.  Decoding lives in tokenizer_decode.c, the dump in tokenizer_dump.c.
 *
 * The lexer reads the decoded buffer one character at a time through
 * nextc()/backup(), line by line like CPython's: `inp` is the end of the
 * current line and the next line is "read" (lineno++) only when the cursor
 * needs a character past it.  That keeps line numbers and error positions
 * the same as CPython's.  Every step moves forward except bounded backups,
 * so time is linear in the input.
 */
#include "parser/tokenizer_internal.h"
#include "parser/unicode_names.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#define EOF_C (-1)

/* ---------------------------------------------------------------- cursor */

static void report_pending(AdTokenizer *t)
{
    /* CPython reads the bad line, then fails on it. */
    const char *line = t->pending_line;
    size_t n = t->pending_line_len;
    int lineno = t->pending_lineno;
    if (t->pending == TOK_PENDING_NUL) {
        size_t k = 0;
        while (k < n && line[k] != 0 && line[k] != '\n' && line[k] != '\r')
            k++;
        parser_tok_set_error(t, AD_TOKERR_SYNTAX, lineno, 0, lineno, 0, line, k,
                             "source code cannot contain null bytes");
        return;
    }
    /* Non-UTF-8: the line decoded with replacement characters. */
    size_t cut = n;
    while (cut > 0 && (line[cut - 1] == '\n' || line[cut - 1] == '\r'))
        cut--;
    char *text = malloc(cut * 3 + 1);
    size_t o = 0;
    int offset = 0;
    if (text) {
        size_t i = 0;
        while (i < cut) {
            if (i == t->pending_col)
                offset = parser_tok_char_count(text, o);
            int l = 1;
            unsigned char c = (unsigned char)line[i];
            if (c < 0x80) {
                text[o++] = (char)c;
            } else if (parser_tok_utf8_decode((const unsigned char *)line + i, cut - i, &l) < 0) {
                o += (size_t)parser_tok_utf8_encode(0xFFFD, text + o);
                l = 1;
            } else {
                memcpy(text + o, line + i, (size_t)l);
                o += (size_t)l;
            }
            i += (size_t)l;
        }
        text[o] = 0;
    }
    if (t->flags & AD_TOKF_FILE_INPUT)
        parser_tok_set_error(t, AD_TOKERR_SYNTAX, lineno, offset + 1, lineno, offset + 1,
                             text, o,
                             "Non-UTF-8 code starting with '\\x%02x' in file %s on line %d, "
                             "but no encoding declared; see https://peps.python.org/pep-0263/ "
                             "for details",
                             t->pending_byte, t->filename, lineno);
    else
        parser_tok_set_error(t, AD_TOKERR_SYNTAX, lineno, offset + 1, lineno, offset + 1,
                             text, o,
                             "Non-UTF-8 code starting with '\\x%02x' on line %d, "
                             "but no encoding declared; see https://peps.python.org/pep-0263/ "
                             "for details",
                             t->pending_byte, lineno);
    free(text);
}

/* The next character, reading the next line when the current one is
 * used up; the fast path (a character left on the line) is inlined. */
static int nextc_line(AdTokenizer *t);

static inline int nextc(AdTokenizer *t)
{
    if (__builtin_expect(t->cur != t->inp, 1))
        return (unsigned char)*t->cur++;
    return nextc_line(t);
}

static int nextc_line(AdTokenizer *t)
{
    for (;;) {
        if (t->cur != t->inp)
            return (unsigned char)*t->cur++;
        if (t->done != TOK_OK)
            return EOF_C;
        if (t->inp >= t->limit) {
            if (t->pending) {
                t->lineno = t->pending_lineno;
                report_pending(t);
            } else {
                t->done = TOK_EOF;
            }
            return EOF_C;
        }
        t->line_start = t->cur;
        if (t->start == NULL && t->mode_index == 0)
            t->buf_start = t->cur;
        const char *nl = memchr(t->cur, '\n', (size_t)(t->limit - t->cur));
        t->inp = nl ? nl + 1 : t->limit;
        t->lineno++;
    }
}

static void backup(AdTokenizer *t, int c)
{
    if (c != EOF_C)
        t->cur--;
}

/* ---------------------------------------------------------------- errors */

static size_t line_len_no_nl(const char *s, const char *limit)
{
    const char *e = s;
    while (e < limit && *e != '\n')
        e++;
    return (size_t)(e - s);
}

static int chars(const char *from, const char *to)
{
    return to > from ? parser_tok_char_count(from, (size_t)(to - from)) : 0;
}

/* CPython's _PyTokenizer_syntaxerror: at the cursor, the line's text
 * without its newline, offset = characters before the cursor. */
static int vsyntax_error(AdTokenizer *t, int col, int end_col, const char *fmt, va_list ap)
{
    char msg[600];
    vsnprintf(msg, sizeof msg, fmt, ap);
    if (col < 0)
        col = chars(t->line_start, t->cur);
    if (end_col < 0)
        end_col = col;
    size_t n = line_len_no_nl(t->line_start, t->limit);
    parser_tok_set_error(t, AD_TOKERR_SYNTAX, t->lineno, col, t->lineno, end_col,
                         t->line_start, n, "%s", msg);
    return AD_TOK_ERRORTOKEN;
}

static int syntax_error(AdTokenizer *t, const char *fmt, ...)
    __attribute__((format(printf, 2, 3)));
static int syntax_error(AdTokenizer *t, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    int r = vsyntax_error(t, -1, -1, fmt, ap);
    va_end(ap);
    return r;
}

/* Error with a known byte range of the current line (CPython's
 * _PyTokenizer_syntaxerror_known_range, which does not convert). */
static int syntax_error_range(AdTokenizer *t, int col, int end_col, const char *fmt, ...)
    __attribute__((format(printf, 4, 5)));
static int syntax_error_range(AdTokenizer *t, int col, int end_col, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    int r = vsyntax_error(t, col, end_col, fmt, ap);
    va_end(ap);
    return r;
}

/* Errors that CPython's parser builds from the tokenizer state (tabs,
 * dedent, line continuation, EOF): the text keeps its newline. */
static int layout_error(AdTokenizer *t, AdTokErrorKind kind, int offset, int end_offset,
                        const char *msg)
{
    size_t n = line_len_no_nl(t->line_start, t->limit);
    size_t with_nl = (t->line_start + n < t->limit) ? n + 1 : n;
    int line_chars = chars(t->line_start, t->line_start + with_nl);
    if (t->extra) {
        /* tokenize: offset is the line length + 1, no end, no newline */
        parser_tok_set_error(t, kind, t->lineno, line_chars, 0, -1, t->line_start, n,
                             "%s", msg);
    } else {
        if (offset == -2)
            offset = line_chars;
        parser_tok_set_error(t, kind, t->lineno, offset, t->lineno, end_offset,
                             t->line_start, with_nl, "%s", msg);
    }
    return AD_TOK_ERRORTOKEN;
}

static int indent_error(AdTokenizer *t)
{
    layout_error(t, AD_TOKERR_TAB, 1, 0, "inconsistent use of tabs and spaces in indentation");
    t->cur = t->inp;
    return AD_TOK_ERRORTOKEN;
}

/* EOF inside brackets or after a backslash. */
static int eof_error(AdTokenizer *t, int in_brackets)
{
    if (t->extra) {
        const char *from = t->buf_start ? t->buf_start : t->line_start;
        int off = in_brackets ? 0 : (int)(t->inp - from);
        parser_tok_set_error(t, AD_TOKERR_SYNTAX, t->lineno, off, 0, -1, NULL, 0,
                             "unexpected EOF in multi-line statement");
    } else if (in_brackets) {
        int l = t->level - 1;
        int pl = t->parenlineno[l];
        size_t len;
        const char *line = AdTokenizer_GetLine(t, pl, &len);
        if (line == NULL)
            line = "", len = 0;
        size_t n = len;
        if (pl != t->lineno)
            while (n > 0 && line[n - 1] == '\n')
                n--;
        int col = chars(line, line + t->parencol[l]);
        parser_tok_set_error(t, AD_TOKERR_SYNTAX, pl, col + 1, pl, 0, line, n,
                             "'%c' was never closed", t->parenstack[l]);
    } else {
        size_t n = (size_t)(t->inp - t->line_start);
        parser_tok_set_error(t, AD_TOKERR_SYNTAX, t->lineno, chars(t->line_start, t->inp),
                             t->lineno, -1, t->line_start, n,
                             "unexpected EOF while parsing");
    }
    t->err.at_eof = 1;
    return AD_TOK_ERRORTOKEN;
}

/* Warning at the cursor; returns 0 to go on, -1 if it became an error. */
static int warn(AdTokenizer *t, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
static int warn(AdTokenizer *t, const char *fmt, ...)
{
    char msg[600];
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(msg, sizeof msg, fmt, ap);
    va_end(ap);
    if (t->warn == NULL)
        return 0;
    AdTokWarning w;
    int col = chars(t->line_start, t->cur);
    w.msg = msg;
    w.lineno = t->lineno;
    w.offset = col + 1;
    w.end_lineno = t->lineno;
    w.end_offset = col + 1;
    if (t->warn(t->warnctx, &w) < 0) {
        syntax_error(t, "%s", msg);
        return -1;
    }
    return 0;
}

/* ---------------------------------------------------------------- tokens */

static int is_str_lit(int type)
{
    return type == AD_TOK_STRING || type == AD_TOK_FSTRING_MIDDLE ||
           type == AD_TOK_TSTRING_MIDDLE;
}

static int make_token(AdTokenizer *t, AdToken *tk, int type, const char *ps, const char *pe)
{
    int lit = is_str_lit(type);
    const char *ls = lit ? t->multi_line_start : t->line_start;
    tk->exact_type = type;
    tk->type = (t->extra && AdToken_IsOperator(type)) ? AD_TOK_OP : type;
    if (ps == NULL)
        ps = pe = t->cur;
    tk->start = ps;
    tk->end = pe;
    tk->lineno = lit ? t->first_lineno : t->lineno;
    tk->line_start = ls;
    tk->col_offset = (int)(ps - ls);
    tk->end_lineno = t->lineno;
    tk->end_col_offset = (int)(pe - t->line_start);
    tk->level = t->level;
    return type;
}

static int potential_id_start(int c)
{
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_' || c >= 128;
}

static int potential_id_char(int c)
{
    return potential_id_start(c) || (c >= '0' && c <= '9');
}

static int is_digit(int c) { return c >= '0' && c <= '9'; }

static int is_xdigit(int c)
{
    return is_digit(c) || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F');
}

#define INSIDE_FSTRING(t) ((t)->mode_index > 0)
#define INSIDE_FSTRING_EXPR(m) ((m)->expr_start_depth >= 0)

static const char *ft_name(const tok_mode *m) { return m->is_t ? "t-string" : "f-string"; }

/* PEP 3131 check of the NAME [t->start, t->cur). */
static int verify_identifier(AdTokenizer *t)
{
    if (t->extra)
        return 1;
    const unsigned char *p = (const unsigned char *)t->start;
    const unsigned char *e = (const unsigned char *)t->cur;
    int first = 1;
    while (p < e) {
        int l;
        long cp = parser_tok_utf8_decode(p, (size_t)(e - p), &l);
        int ok = cp >= 0 && (first ? (cp == '_' || parser_ucd_is_xid_start((uint32_t)cp))
                                   : parser_ucd_is_xid_continue((uint32_t)cp));
        if (!ok) {
            const char *after = (const char *)p + l;
            t->cur = after;
            if (cp >= 0 && parser_ucd_is_printable((uint32_t)cp))
                syntax_error(t, "invalid character '%.*s' (U+%04lX)", l, (const char *)p,
                             (unsigned long)cp);
            else
                syntax_error(t, "invalid non-printable character U+%04lX",
                             (unsigned long)(cp < 0 ? 0xFFFD : cp));
            return 0;
        }
        first = 0;
        p += l;
    }
    return 1;
}

static int lookahead(AdTokenizer *t, const char *test)
{
    const char *s = test;
    int res = 0;
    for (;;) {
        int c = nextc(t);
        if (*s == 0) {
            res = !potential_id_char(c);
        } else if (c == *s) {
            s++;
            continue;
        }
        backup(t, c);
        while (s != test) {
            backup(t, *--s);
        }
        return res;
    }
}

/* After a number: a keyword right after it gives a SyntaxWarning, another
 * name character an error.  Returns 0 on error. */
static int verify_end_of_number(AdTokenizer *t, int c, const char *kind)
{
    if (t->extra)
        return 1;
    int r = 0;
    if (c == 'a')
        r = lookahead(t, "nd");
    else if (c == 'e')
        r = lookahead(t, "lse");
    else if (c == 'f')
        r = lookahead(t, "or");
    else if (c == 'i') {
        int c2 = nextc(t);
        if (c2 == 'f' || c2 == 'n' || c2 == 's')
            r = 1;
        backup(t, c2);
    } else if (c == 'o')
        r = lookahead(t, "r");
    else if (c == 'n')
        r = lookahead(t, "ot");
    if (r) {
        backup(t, c);
        if (warn(t, "invalid %s literal", kind) < 0)
            return 0;
        nextc(t);
    } else if (c < 128 && c != EOF_C && potential_id_char(c)) {
        backup(t, c);
        syntax_error(t, "invalid %s literal", kind);
        return 0;
    }
    return 1;
}

/* Digits after the first one of a decimal part; returns the next char or
 * 0 after an error. */
static int decimal_tail(AdTokenizer *t)
{
    int c;
    for (;;) {
        do {
            c = nextc(t);
        } while (is_digit(c));
        if (c != '_')
            break;
        c = nextc(t);
        if (!is_digit(c)) {
            backup(t, c);
            syntax_error(t, "invalid decimal literal");
            return 0;
        }
    }
    return c;
}

/* After a backslash: the newline, and the next line must exist.
 * Returns 0 or an error token. */
static int continuation_line(AdTokenizer *t)
{
    int c = nextc(t);
    if (c == '\r')
        c = nextc(t);
    if (c != '\n') {
        if (t->extra)
            layout_error(t, AD_TOKERR_SYNTAX, 0, 0,
                         "unexpected character after line continuation character");
        else {
            size_t n = line_len_no_nl(t->line_start, t->limit);
            size_t with_nl = (t->line_start + n < t->limit) ? n + 1 : n;
            parser_tok_set_error(t, AD_TOKERR_SYNTAX, t->lineno,
                                 chars(t->line_start, t->cur), t->lineno, 0,
                                 t->line_start, with_nl,
                                 "unexpected character after line continuation character");
        }
        return AD_TOK_ERRORTOKEN;
    }
    c = nextc(t);
    if (c == EOF_C) {
        if (t->done == TOK_ERROR)
            return AD_TOK_ERRORTOKEN;
        t->cur = t->inp;
        return eof_error(t, 0);
    }
    backup(t, c);
    return 0;
}

/* Strip comments from an f-string "=" expression as CPython does. */
static void set_metadata(AdTokenizer *t, tok_mode *m, AdToken *tk)
{
    if (!m->debug || tk->metadata || m->expr_start == NULL)
        return;
    const char *s = m->expr_start;
    const char *e = m->expr_end ? m->expr_end : t->start;
    if (e < s)
        e = s;
    size_t n = (size_t)(e - s);
    char *r = malloc(n + 1);
    if (r == NULL)
        return;
    size_t j = 0;
    for (size_t i = 0; i < n; i++) {
        if (s[i] == '#') {
            while (i < n && s[i] != '\n')
                i++;
            if (i < n)
                r[j++] = '\n';
        } else {
            r[j++] = s[i];
        }
    }
    r[j] = 0;
    if (parser_tok_own(t, r)) {
        tk->metadata = r;
        tk->metadata_len = j;
    }
}

static int check_prefixes(AdTokenizer *t, int b, int r, int u, int f, int tt)
{
    const char *msg = NULL;
    (void)r;
    if (u && b)
        msg = "'u' and 'b' prefixes are incompatible";
    else if (u && r)
        msg = "'u' and 'r' prefixes are incompatible";
    else if (u && f)
        msg = "'u' and 'f' prefixes are incompatible";
    else if (u && tt)
        msg = "'u' and 't' prefixes are incompatible";
    else if (b && f)
        msg = "'b' and 'f' prefixes are incompatible";
    else if (b && tt)
        msg = "'b' and 't' prefixes are incompatible";
    else if (f && tt)
        msg = "'f' and 't' prefixes are incompatible";
    if (msg == NULL)
        return 0;
    syntax_error_range(t, (int)(t->start + 1 - t->line_start), (int)(t->cur - t->line_start),
                       "%s", msg);
    return -1;
}

static int scan_fstring_start(AdTokenizer *t, AdToken *tk, int quote, int is_t)
{
    int quote_size = 1;
    t->first_lineno = t->lineno;
    t->multi_line_start = t->line_start;
    int after = nextc(t);
    if (after == quote) {
        int after2 = nextc(t);
        if (after2 == quote) {
            quote_size = 3;
        } else {
            backup(t, after2);
            backup(t, after);
        }
    }
    if (after != quote)
        backup(t, after);
    if (t->mode_index + 1 >= TOK_MAXFSTRINGLEVEL)
        return make_token(t, tk, syntax_error(t, "too many nested f-strings or t-strings"),
                          NULL, NULL);
    tok_mode *m = &t->modes[++t->mode_index];
    memset(m, 0, sizeof *m);
    m->fstring = 1;
    m->in_string_part = 1;
    m->quote = (char)quote;
    m->quote_size = quote_size;
    m->is_t = is_t;
    m->start = t->start;
    m->multi_line_start = t->line_start;
    m->line_start_no = t->lineno;
    m->curly_depth = 0;
    m->expr_start_depth = -1;
    for (const char *p = t->start; *p != '\'' && *p != '"'; p++)
        if (*p == 'r' || *p == 'R')
            m->raw = 1;
    return make_token(t, tk, is_t ? AD_TOK_TSTRING_START : AD_TOK_FSTRING_START, t->start,
                      t->cur);
}

static int scan_string(AdTokenizer *t, AdToken *tk, int quote)
{
    int quote_size = 1, end_quote_size = 0, escaped_quote = 0;
    int c;
    t->first_lineno = t->lineno;
    t->multi_line_start = t->line_start;
    c = nextc(t);
    if (c == quote) {
        c = nextc(t);
        if (c == quote)
            quote_size = 3;
        else
            end_quote_size = 1; /* empty string */
    }
    if (c != quote)
        backup(t, c);
    while (end_quote_size != quote_size) {
        c = nextc(t);
        if (t->done == TOK_ERROR)
            return make_token(t, tk, AD_TOK_ERRORTOKEN, NULL, NULL);
        if (c == EOF_C || (quote_size == 1 && c == '\n')) {
            /* Report from the opening quote. */
            int detected = t->lineno;
            t->cur = t->start + 1;
            t->line_start = t->multi_line_start;
            t->lineno = t->first_lineno;
            if (INSIDE_FSTRING(t)) {
                tok_mode *m = &t->modes[t->mode_index];
                if (m->quote == quote && m->quote_size == quote_size)
                    return make_token(t, tk, syntax_error(t, "%s: expecting '}'", ft_name(m)),
                                      NULL, NULL);
            }
            if (quote_size == 3) {
                syntax_error(t, "unterminated triple-quoted string literal (detected at line %d)",
                             detected);
                if (c != '\n')
                    t->err.at_eof = 1;
            } else if (escaped_quote) {
                syntax_error(t, "unterminated string literal (detected at line %d); "
                                "perhaps you escaped the end quote?", detected);
            } else {
                syntax_error(t, "unterminated string literal (detected at line %d)", detected);
            }
            return make_token(t, tk, AD_TOK_ERRORTOKEN, NULL, NULL);
        }
        if (c == quote) {
            end_quote_size++;
        } else {
            end_quote_size = 0;
            if (c == '\\') {
                c = nextc(t);
                if (c == quote)
                    escaped_quote = 1;
                if (c == '\r')
                    c = nextc(t);
            }
        }
    }
    return make_token(t, tk, AD_TOK_STRING, t->start, t->cur);
}

static int get_normal(AdTokenizer *t, tok_mode *m, AdToken *tk)
{
    int c, blankline = 0, nonascii;

nextline:
    t->start = NULL;
    blankline = 0;

    if (t->atbol) {
        int col = 0, altcol = 0, cont_line_col = 0;
        t->atbol = 0;
        for (;;) {
            c = nextc(t);
            if (c == ' ') {
                col++, altcol++;
            } else if (c == '\t') {
                col = (col / TOK_TABSIZE + 1) * TOK_TABSIZE;
                altcol = altcol + 1;
            } else if (c == '\014') {
                col = altcol = 0;
            } else if (c == '\\') {
                cont_line_col = cont_line_col ? cont_line_col : col;
                int r = continuation_line(t);
                if (r)
                    return make_token(t, tk, r, NULL, NULL);
            } else {
                break;
            }
        }
        backup(t, c);
        if (c == '#' || c == '\n' || c == '\r') {
            blankline = 1;
        }
        if (c == EOF_C && t->done == TOK_ERROR)
            return make_token(t, tk, AD_TOK_ERRORTOKEN, NULL, NULL);
        if (!blankline && t->level == 0) {
            col = cont_line_col ? cont_line_col : col;
            altcol = cont_line_col ? cont_line_col : altcol;
            if (col == t->indstack[t->indent]) {
                if (altcol != t->altindstack[t->indent])
                    return make_token(t, tk, indent_error(t), NULL, NULL);
            } else if (col > t->indstack[t->indent]) {
                if (t->indent + 1 >= TOK_MAXINDENT) {
                    layout_error(t, AD_TOKERR_INDENTATION, 1, 0,
                                 "too many levels of indentation");
                    t->cur = t->inp;
                    return make_token(t, tk, AD_TOK_ERRORTOKEN, NULL, NULL);
                }
                if (altcol <= t->altindstack[t->indent])
                    return make_token(t, tk, indent_error(t), NULL, NULL);
                t->pendin++;
                t->indstack[++t->indent] = col;
                t->altindstack[t->indent] = altcol;
            } else {
                while (t->indent > 0 && col < t->indstack[t->indent]) {
                    t->pendin--;
                    t->indent--;
                }
                if (col != t->indstack[t->indent]) {
                    layout_error(t, AD_TOKERR_INDENTATION, -2, -1,
                                 "unindent does not match any outer indentation level");
                    t->cur = t->inp;
                    return make_token(t, tk, AD_TOK_ERRORTOKEN, NULL, NULL);
                }
                if (altcol != t->altindstack[t->indent])
                    return make_token(t, tk, indent_error(t), NULL, NULL);
            }
        }
    }

    t->start = t->cur;
    if (t->pendin != 0) {
        if (t->pendin < 0) {
            t->pendin++;
            return make_token(t, tk, AD_TOK_DEDENT, t->cur, t->cur);
        }
        t->pendin--;
        return make_token(t, tk, AD_TOK_INDENT, t->line_start, t->cur);
    }

again:
    t->start = NULL;
    do {
        c = nextc(t);
    } while (c == ' ' || c == '\t' || c == '\014');
    t->start = t->cur - (c == EOF_C ? 0 : 1);

    if (c == '#') {
        while (c != EOF_C && c != '\n' && c != '\r')
            c = nextc(t);
        if (t->extra) {
            backup(t, c);
            t->comment_newline = blankline;
            return make_token(t, tk, AD_TOK_COMMENT, t->start, t->cur);
        }
    }

    if (c == EOF_C) {
        if (t->done == TOK_ERROR)
            return make_token(t, tk, AD_TOK_ERRORTOKEN, NULL, NULL);
        if (t->level)
            return make_token(t, tk, eof_error(t, 1), NULL, NULL);
        return make_token(t, tk, AD_TOK_ENDMARKER, t->cur, t->cur);
    }

    nonascii = 0;
    if (potential_id_start(c)) {
        int saw_b = 0, saw_r = 0, saw_u = 0, saw_f = 0, saw_t = 0;
        for (;;) {
            if (!saw_b && (c == 'b' || c == 'B'))
                saw_b = 1;
            else if (!saw_u && (c == 'u' || c == 'U'))
                saw_u = 1;
            else if (!saw_r && (c == 'r' || c == 'R'))
                saw_r = 1;
            else if (!saw_f && (c == 'f' || c == 'F'))
                saw_f = 1;
            else if (!saw_t && (c == 't' || c == 'T'))
                saw_t = 1;
            else
                break;
            c = nextc(t);
            if (c == '"' || c == '\'') {
                if (check_prefixes(t, saw_b, saw_r, saw_u, saw_f, saw_t) < 0)
                    return make_token(t, tk, AD_TOK_ERRORTOKEN, NULL, NULL);
                if (saw_f || saw_t)
                    return scan_fstring_start(t, tk, c, saw_t);
                return scan_string(t, tk, c);
            }
        }
        while (potential_id_char(c)) {
            if (c >= 128)
                nonascii = 1;
            c = nextc(t);
        }
        backup(t, c);
        if (nonascii && !verify_identifier(t))
            return make_token(t, tk, AD_TOK_ERRORTOKEN, NULL, NULL);
        return make_token(t, tk, AD_TOK_NAME, t->start, t->cur);
    }

    if (c == '\r') /* only in extra-tokens mode: "\r\n" kept as read */
        c = nextc(t);

    if (c == '\n') {
        t->atbol = 1;
        if (blankline || t->level > 0) {
            if (t->extra) {
                t->comment_newline = 0;
                return make_token(t, tk, AD_TOK_NL, t->start, t->cur);
            }
            goto nextline;
        }
        if (t->comment_newline && t->extra) {
            t->comment_newline = 0;
            return make_token(t, tk, AD_TOK_NL, t->start, t->cur);
        }
        t->cont_line = 0;
        return make_token(t, tk, AD_TOK_NEWLINE, t->start, t->extra ? t->cur : t->cur - 1);
    }

    if (c == '.') {
        c = nextc(t);
        if (is_digit(c))
            goto fraction;
        if (c == '.') {
            c = nextc(t);
            if (c == '.')
                return make_token(t, tk, AD_TOK_ELLIPSIS, t->start, t->cur);
            backup(t, c);
            backup(t, '.');
        } else {
            backup(t, c);
        }
        return make_token(t, tk, AD_TOK_DOT, t->start, t->cur);
    }

    if (is_digit(c)) {
        if (c == '0') {
            c = nextc(t);
            if (c == 'x' || c == 'X') {
                c = nextc(t);
                do {
                    if (c == '_')
                        c = nextc(t);
                    if (!is_xdigit(c)) {
                        backup(t, c);
                        return make_token(t, tk, syntax_error(t, "invalid hexadecimal literal"),
                                          NULL, NULL);
                    }
                    do {
                        c = nextc(t);
                    } while (is_xdigit(c));
                } while (c == '_');
                if (!verify_end_of_number(t, c, "hexadecimal"))
                    return make_token(t, tk, AD_TOK_ERRORTOKEN, NULL, NULL);
            } else if (c == 'o' || c == 'O') {
                c = nextc(t);
                do {
                    if (c == '_')
                        c = nextc(t);
                    if (c < '0' || c >= '8') {
                        if (is_digit(c))
                            return make_token(t, tk, syntax_error(t,
                                              "invalid digit '%c' in octal literal", c), NULL, NULL);
                        backup(t, c);
                        return make_token(t, tk, syntax_error(t, "invalid octal literal"), NULL, NULL);
                    }
                    do {
                        c = nextc(t);
                    } while (c >= '0' && c < '8');
                } while (c == '_');
                if (is_digit(c))
                    return make_token(t, tk, syntax_error(t,
                                      "invalid digit '%c' in octal literal", c), NULL, NULL);
                if (!verify_end_of_number(t, c, "octal"))
                    return make_token(t, tk, AD_TOK_ERRORTOKEN, NULL, NULL);
            } else if (c == 'b' || c == 'B') {
                c = nextc(t);
                do {
                    if (c == '_')
                        c = nextc(t);
                    if (c != '0' && c != '1') {
                        if (is_digit(c))
                            return make_token(t, tk, syntax_error(t,
                                              "invalid digit '%c' in binary literal", c), NULL, NULL);
                        backup(t, c);
                        return make_token(t, tk, syntax_error(t, "invalid binary literal"), NULL, NULL);
                    }
                    do {
                        c = nextc(t);
                    } while (c == '0' || c == '1');
                } while (c == '_');
                if (is_digit(c))
                    return make_token(t, tk, syntax_error(t,
                                      "invalid digit '%c' in binary literal", c), NULL, NULL);
                if (!verify_end_of_number(t, c, "binary"))
                    return make_token(t, tk, AD_TOK_ERRORTOKEN, NULL, NULL);
            } else {
                int nonzero = 0;
                for (;;) {
                    if (c == '_') {
                        c = nextc(t);
                        if (!is_digit(c)) {
                            backup(t, c);
                            return make_token(t, tk, syntax_error(t, "invalid decimal literal"),
                                              NULL, NULL);
                        }
                    }
                    if (c != '0')
                        break;
                    c = nextc(t);
                }
                const char *zeros_end = t->cur;
                if (is_digit(c)) {
                    nonzero = 1;
                    c = decimal_tail(t);
                    if (c == 0)
                        return make_token(t, tk, AD_TOK_ERRORTOKEN, NULL, NULL);
                }
                if (c == '.') {
                    c = nextc(t);
                    goto fraction;
                } else if (c == 'e' || c == 'E') {
                    goto exponent;
                } else if (c == 'j' || c == 'J') {
                    goto imaginary;
                } else if (nonzero && !t->extra) {
                    backup(t, c);
                    return make_token(t, tk, syntax_error_range(t,
                        (int)(t->start + 1 - t->line_start), (int)(zeros_end - t->line_start),
                        "leading zeros in decimal integer literals are not permitted; "
                        "use an 0o prefix for octal integers"), NULL, NULL);
                }
                if (!verify_end_of_number(t, c, "decimal"))
                    return make_token(t, tk, AD_TOK_ERRORTOKEN, NULL, NULL);
            }
        } else {
            c = decimal_tail(t);
            if (c == 0)
                return make_token(t, tk, AD_TOK_ERRORTOKEN, NULL, NULL);
            if (c == '.') {
                c = nextc(t);
            fraction:
                if (is_digit(c)) {
                    c = decimal_tail(t);
                    if (c == 0)
                        return make_token(t, tk, AD_TOK_ERRORTOKEN, NULL, NULL);
                }
            }
            if (c == 'e' || c == 'E') {
                int e;
            exponent:
                e = c;
                c = nextc(t);
                if (c == '+' || c == '-') {
                    c = nextc(t);
                    if (!is_digit(c)) {
                        backup(t, c);
                        return make_token(t, tk, syntax_error(t, "invalid decimal literal"),
                                          NULL, NULL);
                    }
                } else if (!is_digit(c)) {
                    backup(t, c);
                    if (!verify_end_of_number(t, e, "decimal"))
                        return make_token(t, tk, AD_TOK_ERRORTOKEN, NULL, NULL);
                    backup(t, e);
                    return make_token(t, tk, AD_TOK_NUMBER, t->start, t->cur);
                }
                c = decimal_tail(t);
                if (c == 0)
                    return make_token(t, tk, AD_TOK_ERRORTOKEN, NULL, NULL);
            }
            if (c == 'j' || c == 'J') {
            imaginary:
                c = nextc(t);
                if (!verify_end_of_number(t, c, "imaginary"))
                    return make_token(t, tk, AD_TOK_ERRORTOKEN, NULL, NULL);
            } else if (!verify_end_of_number(t, c, "decimal")) {
                return make_token(t, tk, AD_TOK_ERRORTOKEN, NULL, NULL);
            }
        }
        backup(t, c);
        return make_token(t, tk, AD_TOK_NUMBER, t->start, t->cur);
    }

    if (c == '\'' || c == '"')
        return scan_string(t, tk, c);

    if (c == '\\') {
        int r = continuation_line(t);
        if (r)
            return make_token(t, tk, r, NULL, NULL);
        t->cont_line = 1;
        goto again;
    }

    /* f-string replacement field punctuation */
    if ((c == ':' || c == '}' || c == '!' || c == '{') && INSIDE_FSTRING(t) &&
        INSIDE_FSTRING_EXPR(m)) {
        int cursor = m->curly_depth - (c != '{');
        int valid = cursor == 0 || (cursor == 1 && (m->debug || m->in_format_spec));
        if (valid) {
            if (c == '{') {
                m->expr_start = t->cur;
                m->expr_end = NULL;
            } else if (m->expr_end == NULL) {
                m->expr_end = t->start;
            }
            if (c != '{')
                set_metadata(t, m, tk);
        }
        if (c == ':' && cursor == m->expr_start_depth) {
            m->in_string_part = 1;
            m->in_format_spec = 1;
            return make_token(t, tk, AD_TOK_COLON, t->start, t->cur);
        }
    }

    /* two- and three-character operators */
    {
        int c2 = nextc(t);
        if (c2 != EOF_C) {
            char s3[3] = {(char)c, (char)c2, 0};
            int ty = AdToken_OpType(s3, 2);
            if (ty >= 0) {
                int c3 = nextc(t);
                if (c3 != EOF_C) {
                    s3[2] = (char)c3;
                    int ty3 = AdToken_OpType(s3, 3);
                    if (ty3 >= 0)
                        return make_token(t, tk, ty3, t->start, t->cur);
                }
                backup(t, c3);
                return make_token(t, tk, ty, t->start, t->cur);
            }
        }
        backup(t, c2);
    }

    switch (c) {
    case '(':
    case '[':
    case '{':
        if (t->level >= TOK_MAXLEVEL)
            return make_token(t, tk, syntax_error(t, "too many nested parentheses"), NULL, NULL);
        t->parenstack[t->level] = (char)c;
        t->parenlineno[t->level] = t->lineno;
        t->parencol[t->level] = (int)(t->start - t->line_start);
        t->level++;
        if (INSIDE_FSTRING(t))
            m->curly_depth++;
        break;
    case ')':
    case ']':
    case '}':
        if (INSIDE_FSTRING(t) && !m->curly_depth && c == '}')
            return make_token(t, tk, syntax_error(t, "%s: single '}' is not allowed", ft_name(m)),
                              NULL, NULL);
        if (!t->extra && !t->level)
            return make_token(t, tk, syntax_error(t, "unmatched '%c'", c), NULL, NULL);
        if (t->level > 0) {
            t->level--;
            int opening = t->parenstack[t->level];
            if (!t->extra && !((opening == '(' && c == ')') || (opening == '[' && c == ']') ||
                               (opening == '{' && c == '}'))) {
                if (INSIDE_FSTRING(t) && opening == '{') {
                    int previous = m->curly_depth - 1;
                    if (previous == m->expr_start_depth)
                        return make_token(t, tk, syntax_error(t, "%s: unmatched '%c'",
                                                              ft_name(m), c), NULL, NULL);
                }
                if (t->parenlineno[t->level] != t->lineno)
                    return make_token(t, tk, syntax_error(t,
                        "closing parenthesis '%c' does not match opening parenthesis '%c' on line %d",
                        c, opening, t->parenlineno[t->level]), NULL, NULL);
                return make_token(t, tk, syntax_error(t,
                    "closing parenthesis '%c' does not match opening parenthesis '%c'",
                    c, opening), NULL, NULL);
            }
        }
        if (INSIDE_FSTRING(t)) {
            m->curly_depth--;
            if (m->curly_depth < 0)
                return make_token(t, tk, syntax_error(t, "%s: unmatched '%c'", ft_name(m), c),
                                  NULL, NULL);
            if (c == '}' && m->curly_depth == m->expr_start_depth) {
                m->expr_start_depth--;
                m->in_string_part = 1;
                m->in_format_spec = 0;
                m->debug = 0;
            }
        }
        break;
    default:
        break;
    }

    if (c < 0x20 || c == 0x7f)
        return make_token(t, tk, syntax_error(t, "invalid non-printable character U+%04X", c),
                          NULL, NULL);

    if (c == '=' && INSIDE_FSTRING_EXPR(m))
        m->debug = 1;

    char s1 = (char)c;
    int ty = AdToken_OpType(&s1, 1);
    return make_token(t, tk, ty >= 0 ? ty : AD_TOK_OP, t->start, t->cur);
}

static int get_fstring(AdTokenizer *t, tok_mode *m, AdToken *tk)
{
    int end_quote_size = 0, unicode_escape = 0;
    int middle = m->is_t ? AD_TOK_TSTRING_MIDDLE : AD_TOK_FSTRING_MIDDLE;

    t->start = t->cur;
    t->first_lineno = t->lineno;
    t->multi_line_start = t->line_start;

    int c0 = nextc(t);
    if (c0 == '{') {
        int p1 = nextc(t);
        backup(t, p1);
        backup(t, c0);
        if (p1 != '{') {
            m->expr_start_depth++;
            if (m->expr_start_depth >= TOK_MAX_EXPR_NESTING)
                return make_token(t, tk, syntax_error(t, "%s: expressions nested too deeply",
                                                      ft_name(m)), NULL, NULL);
            m->in_string_part = 0;
            return get_normal(t, m, tk);
        }
    } else {
        backup(t, c0);
    }

    for (int i = 0; i < m->quote_size; i++) {
        int q = nextc(t);
        if (q != m->quote) {
            backup(t, q);
            goto middle_part;
        }
    }
    m->expr_start = m->expr_end = NULL;
    t->mode_index--;
    return make_token(t, tk, m->is_t ? AD_TOK_TSTRING_END : AD_TOK_FSTRING_END, t->start,
                      t->cur);

middle_part:
    t->multi_line_start = t->line_start;
    while (end_quote_size != m->quote_size) {
        int c = nextc(t);
        if (t->done == TOK_ERROR)
            return make_token(t, tk, AD_TOK_ERRORTOKEN, NULL, NULL);
        int in_format_spec = m->in_format_spec && INSIDE_FSTRING_EXPR(m);
        if (c == EOF_C || (m->quote_size == 1 && c == '\n')) {
            if (in_format_spec && c == '\n')  /* only single-quoted ones get here */
                return make_token(t, tk,
                                  syntax_error(t, "%s: newlines are not allowed in format "
                                                  "specifiers for single quoted %ss",
                                               ft_name(m), ft_name(m)),
                                  NULL, NULL);
            int detected = t->lineno;
            t->cur = m->start + 1;
            t->line_start = m->multi_line_start;
            t->lineno = m->line_start_no;
            if (m->quote_size == 3) {
                syntax_error(t, "unterminated triple-quoted %s literal (detected at line %d)",
                             ft_name(m), detected);
                if (c != '\n')
                    t->err.at_eof = 1;
                return make_token(t, tk, AD_TOK_ERRORTOKEN, NULL, NULL);
            }
            return make_token(t, tk, syntax_error(t, "unterminated %s literal (detected at line %d)",
                                                  ft_name(m), detected), NULL, NULL);
        }
        if (c == m->quote) {
            end_quote_size++;
            continue;
        }
        end_quote_size = 0;
        if (c == '{') {
            m->expr_start = t->cur;
            m->expr_end = NULL;
            int peek = nextc(t);
            if (peek != '{' || in_format_spec) {
                backup(t, peek);
                backup(t, c);
                m->expr_start_depth++;
                if (m->expr_start_depth >= TOK_MAX_EXPR_NESTING)
                    return make_token(t, tk, syntax_error(t, "%s: expressions nested too deeply",
                                                          ft_name(m)), NULL, NULL);
                m->in_string_part = 0;
                m->in_format_spec = 0;
                return make_token(t, tk, middle, t->start, t->cur);
            }
            return make_token(t, tk, middle, t->start, t->cur - 1);
        } else if (c == '}') {
            if (unicode_escape)
                return make_token(t, tk, middle, t->start, t->cur);
            int peek = nextc(t);
            if (peek == '}' && !in_format_spec && m->curly_depth == 0)
                return make_token(t, tk, middle, t->start, t->cur - 1);
            backup(t, peek);
            backup(t, c);
            m->in_string_part = 0;
            m->in_format_spec = 0;
            return make_token(t, tk, middle, t->start, t->cur);
        } else if (c == '\\') {
            int peek = nextc(t);
            if (peek == '\r')
                peek = nextc(t);
            if (peek == '{' || peek == '}') {
                if (!m->raw) {
                    if (warn(t, "\"\\%c\" is an invalid escape sequence. Such sequences will not "
                                "work in the future. Did you mean \"\\\\%c\"? A raw string is "
                                "also an option.", peek, peek) < 0)
                        return make_token(t, tk, AD_TOK_ERRORTOKEN, NULL, NULL);
                }
                backup(t, peek);
                continue;
            }
            if (!m->raw && peek == 'N') {
                peek = nextc(t);
                if (peek == '{')
                    unicode_escape = 1;
                else
                    backup(t, peek);
            }
        }
    }
    for (int i = 0; i < m->quote_size; i++)
        backup(t, m->quote);
    return make_token(t, tk, middle, t->start, t->cur);
}

/* ---------------------------------------------------------------- public */

AdTokenizer *AdTokenizer_New(const char *src, size_t len, const char *filename, int flags)
{
    AdTokenizer *t = calloc(1, sizeof *t);
    if (t == NULL)
        return NULL;
    t->flags = flags;
    t->extra = (flags & AD_TOKF_EXTRA_TOKENS) != 0;
    t->filename = strdup(filename ? filename : "<string>");
    if (t->filename == NULL) {
        free(t);
        return NULL;
    }
    if (parser_tok_decode(t, src ? src : "", src ? len : 0) < 0) {
        AdTokenizer_Free(t);
        return NULL;
    }
    if (t->pending) {
        /* keep a copy of the bad line: SRC belongs to the caller */
        char *copy = malloc(t->pending_line_len + 1);
        if (copy == NULL) {
            AdTokenizer_Free(t);
            return NULL;
        }
        memcpy(copy, t->pending_line, t->pending_line_len);
        copy[t->pending_line_len] = 0;
        t->pending_line = parser_tok_own(t, copy);
        if (t->pending_line == NULL) {
            AdTokenizer_Free(t);
            return NULL;
        }
    }
    t->cur = t->inp = t->line_start = t->buf;
    t->atbol = 1;
    t->modes[0].expr_start_depth = -1;
    t->start = t->buf;
    t->multi_line_start = t->buf;
    return t;
}

void AdTokenizer_Free(AdTokenizer *t)
{
    if (t == NULL)
        return;
    for (size_t i = 0; i < t->nowned; i++)
        free(t->owned[i]);
    free(t->owned);
    free(t->lines);
    free(t->errmsg);
    free(t->errtext);
    free(t->buf);
    free(t->filename);
    free(t);
}

void AdTokenizer_SetWarnFunc(AdTokenizer *t, AdTokWarnFunc fn, void *ctx)
{
    t->warn = fn;
    t->warnctx = ctx;
}

int AdTokenizer_Next(AdTokenizer *t, AdToken *tk)
{
    memset(tk, 0, sizeof *tk);
    if (t->done == TOK_ERROR) {
        make_token(t, tk, AD_TOK_ERRORTOKEN, t->cur, t->cur);
        return AD_TOK_ERRORTOKEN;
    }
    tok_mode *m = &t->modes[t->mode_index];
    int type;
    if (m->fstring && m->in_string_part)
        type = get_fstring(t, m, tk);
    else
        type = get_normal(t, m, tk);
    if (type == AD_TOK_ERRORTOKEN) {
        if (t->err.kind == AD_TOKERR_NONE)
            parser_tok_set_error(t, AD_TOKERR_SYNTAX, t->lineno, 0, t->lineno, 0, NULL, 0,
                                 "unknown tokenization error");
        t->done = TOK_ERROR;
        tk->type = tk->exact_type = AD_TOK_ERRORTOKEN;
    }
    return type;
}

const AdTokError *AdTokenizer_Error(const AdTokenizer *t) { return &t->err; }

int AdTokenizer_Level(const AdTokenizer *t) { return t->level; }

int AdTokenizer_OpenBracket(const AdTokenizer *t, char *ch, int *lineno, int *col_offset)
{
    if (t->level == 0)
        return 0;
    if (ch)
        *ch = t->parenstack[t->level - 1];
    if (lineno)
        *lineno = t->parenlineno[t->level - 1];
    if (col_offset)
        *col_offset = t->parencol[t->level - 1];
    return 1;
}

const char *AdTokenizer_Encoding(const AdTokenizer *t) { return t->encoding; }

const char *AdTokenizer_Filename(const AdTokenizer *t) { return t->filename; }

const char *AdTokenizer_Source(const AdTokenizer *t, size_t *len)
{
    if (len)
        *len = t->len;
    return t->buf;
}

const char *AdTokenizer_GetLine(AdTokenizer *t, int lineno, size_t *len)
{
    if (lineno < 1 || t->buf == NULL)
        return NULL;
    if (t->lines == NULL) {
        int n = 0;
        for (size_t i = 0; i < t->len; i++)
            if (t->buf[i] == '\n')
                n++;
        if (t->len > 0 && t->buf[t->len - 1] != '\n')
            n++;
        t->lines = malloc(((size_t)n + 1) * sizeof *t->lines);
        if (t->lines == NULL)
            return NULL;
        int k = 0;
        const char *p = t->buf, *e = t->buf + t->len;
        while (p < e) {
            t->lines[k++] = p;
            const char *nl = memchr(p, '\n', (size_t)(e - p));
            p = nl ? nl + 1 : e;
        }
        t->lines[k] = e;
        t->nindexed = k;
    }
    if (lineno > t->nindexed)
        return NULL;
    const char *s = t->lines[lineno - 1];
    if (len)
        *len = (size_t)(t->lines[lineno] - s);
    return s;
}

int AdTokenizer_IsXIDStart(unsigned cp) { return parser_ucd_is_xid_start(cp); }

int AdTokenizer_IsXIDContinue(unsigned cp) { return parser_ucd_is_xid_continue(cp); }
