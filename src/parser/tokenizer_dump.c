/* tokenizer_dump.c -- `python -m tokenize -e FILE` output, for testing.
 *
 * Owns: AdTokenizer_DumpFile.  It reproduces what CPython 3.14's tokenize
 * module prints: tokenize.detect_encoding's checks of the first two lines
 * and its messages, the ENCODING token, the C tokenizer's tokens in
 * extra-tokens mode with the adjustments of the _tokenize module
 * (character columns, NEWLINE/NL text, trailing DEDENT/ENDMARKER on the
 * line after the last), exact token names, Python repr() of the token
 * strings, and tokenize's error lines.  Like tokenize's main, it collects
 * all tokens first and prints nothing but the error when one occurs.
 */
#include "parser/tokenizer_internal.h"
#include "parser/unicode_names.h"

#include <errno.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

typedef struct {
    char *data;
    size_t len, cap;
} sbuf;

static int sb_put(sbuf *b, const char *s, size_t n)
{
    if (b->len + n + 1 > b->cap) {
        size_t cap = b->cap ? b->cap : 256;
        while (cap < b->len + n + 1)
            cap *= 2;
        char *d = realloc(b->data, cap);
        if (d == NULL)
            return -1;
        b->data = d;
        b->cap = cap;
    }
    memcpy(b->data + b->len, s, n);
    b->len += n;
    b->data[b->len] = 0;
    return 0;
}

static int sb_printf(sbuf *b, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
static int sb_printf(sbuf *b, const char *fmt, ...)
{
    char tmp[256];
    va_list ap;
    va_start(ap, fmt);
    int n = vsnprintf(tmp, sizeof tmp, fmt, ap);
    va_end(ap);
    if (n < 0)
        return -1;
    return sb_put(b, tmp, (size_t)n < sizeof tmp ? (size_t)n : sizeof tmp - 1);
}

/* Python repr() of the UTF-8 string S[0..N) into B; returns its length in
 * characters (for the %-15r padding). */
static int py_repr(sbuf *b, const char *s, size_t n)
{
    int squote = 0, dquote = 0;
    for (size_t i = 0; i < n; i++) {
        if (s[i] == '\'')
            squote = 1;
        else if (s[i] == '"')
            dquote = 1;
    }
    char q = (squote && !dquote) ? '"' : '\'';
    int width = 2;
    sb_put(b, &q, 1);
    size_t i = 0;
    while (i < n) {
        int l;
        long cp = parser_tok_utf8_decode((const unsigned char *)s + i, n - i, &l);
        if (cp < 0) {
            /* surrogate or stray byte: escape the generalized UTF-8 form */
            cp = (unsigned char)s[i];
            if ((cp & 0xF0) == 0xE0 && i + 2 < n) {
                cp = ((cp & 0x0F) << 12) | (((unsigned char)s[i + 1] & 0x3F) << 6) |
                     ((unsigned char)s[i + 2] & 0x3F);
                l = 3;
            }
        }
        char tmp[16];
        int tl;
        if (cp == q || cp == '\\') {
            tmp[0] = '\\', tmp[1] = (char)cp, tl = 2;
        } else if (cp == '\t') {
            memcpy(tmp, "\\t", 2), tl = 2;
        } else if (cp == '\n') {
            memcpy(tmp, "\\n", 2), tl = 2;
        } else if (cp == '\r') {
            memcpy(tmp, "\\r", 2), tl = 2;
        } else if (cp < 0x20 || cp == 0x7F) {
            tl = snprintf(tmp, sizeof tmp, "\\x%02lx", (unsigned long)cp);
        } else if (cp < 0x7F) {
            tmp[0] = (char)cp, tl = 1;
        } else if (!parser_ucd_is_printable((uint32_t)cp)) {
            if (cp < 0x100)
                tl = snprintf(tmp, sizeof tmp, "\\x%02lx", (unsigned long)cp);
            else if (cp < 0x10000)
                tl = snprintf(tmp, sizeof tmp, "\\u%04lx", (unsigned long)cp);
            else
                tl = snprintf(tmp, sizeof tmp, "\\U%08lx", (unsigned long)cp);
        } else {
            sb_put(b, s + i, (size_t)l);
            width++;
            i += (size_t)l;
            continue;
        }
        sb_put(b, tmp, (size_t)tl);
        width += tl;
        i += (size_t)l;
    }
    sb_put(b, &q, 1);
    return width;
}

static void py_str_repr_plain(sbuf *b, const char *s)
{
    /* repr() of a file name (ASCII-ish); enough for messages */
    py_repr(b, s, strlen(s));
}

/* Character column of byte P in the buffer, with a cache for long lines. */
typedef struct {
    const char *line;  /* start of the line of the cached position */
    const char *pos;
    int chars;
} colcache;

static int char_col(colcache *cc, const char *ls, const char *p)
{
    if (cc->line == ls && cc->pos <= p) {
        cc->chars += parser_tok_char_count(cc->pos, (size_t)(p - cc->pos));
        cc->pos = p;
        return cc->chars;
    }
    cc->line = ls;
    cc->pos = p;
    cc->chars = parser_tok_char_count(ls, (size_t)(p - ls));
    return cc->chars;
}

static size_t raw_line_len(const char *s, size_t n)
{
    for (size_t i = 0; i < n; i++) {
        if (s[i] == '\n')
            return i + 1;
        if (s[i] == '\r')
            return (i + 1 < n && s[i + 1] == '\n') ? i + 2 : i + 1;
    }
    return n;
}

static int valid_utf8(const char *s, size_t n)
{
    size_t i = 0;
    while (i < n) {
        int l;
        if ((unsigned char)s[i] < 0x80) {
            i++;
            continue;
        }
        if (parser_tok_utf8_decode((const unsigned char *)s + i, n - i, &l) < 0)
            return 0;
        i += (size_t)l;
    }
    return 1;
}

/* tokenize.detect_encoding's cookie regexp on one line. */
static int cookie_of(const char *s, size_t n, const char **name, size_t *nlen)
{
    size_t i = 0;
    while (i < n && (s[i] == ' ' || s[i] == '\t' || s[i] == '\f'))
        i++;
    if (i >= n || s[i] != '#')
        return 0;
    for (; i + 6 < n; i++) {
        if (s[i] == '\n' || s[i] == '\r')
            return 0;
        if (memcmp(s + i, "coding", 6) != 0 || (s[i + 6] != ':' && s[i + 6] != '='))
            continue;
        size_t t = i + 7;
        while (t < n && (s[t] == ' ' || s[t] == '\t'))
            t++;
        size_t b = t;
        while (t < n && ((s[t] >= 'a' && s[t] <= 'z') || (s[t] >= 'A' && s[t] <= 'Z') ||
                         (s[t] >= '0' && s[t] <= '9') || s[t] == '_' || s[t] == '-' ||
                         s[t] == '.'))
            t++;
        if (t > b) {
            *name = s + b;
            *nlen = t - b;
            return 1;
        }
    }
    return 0;
}

/* detect_encoding's checks; returns 0 or writes the error to ERR and
 * returns 1. */
static int detect_errors(const char *path, const char *src, size_t len, FILE *err)
{
    size_t pos = 0;
    int bom = 0;
    if (len >= 3 && memcmp(src, "\xEF\xBB\xBF", 3) == 0)
        bom = 1, pos = 3;
    const char *l1 = src + pos;
    size_t n1 = raw_line_len(l1, len - pos);
    if (n1 == 0)
        return 0;
    sbuf msg = {0};
    size_t checked = n1;
    const char *name;
    size_t nlen;
    int have = cookie_of(l1, n1, &name, &nlen);
    if (!have) {
        size_t i = 0;
        while (i < n1 && (l1[i] == ' ' || l1[i] == '\t' || l1[i] == '\f'))
            i++;
        int blank = i == n1 || l1[i] == '#' || l1[i] == '\r' || l1[i] == '\n';
        if (blank) {
            const char *l2 = l1 + n1;
            size_t n2 = raw_line_len(l2, len - pos - n1);
            checked += n2;
            if (n2 > 0 && cookie_of(l2, n2, &name, &nlen))
                have = 1;
        }
    }
    if (have) {
        /* A cookie for an encoding the decoder does not know is reported
         * by the tokenizer as unknown; here only the BOM conflict. */
        AdTokenizer *probe = AdTokenizer_New(src, len, path, AD_TOKF_EXTRA_TOKENS);
        if (probe == NULL)
            return 0;
        const char *enc = AdTokenizer_Encoding(probe);
        int unknown = probe->err.kind != AD_TOKERR_NONE &&
                      strncmp(probe->err.msg, "unknown encoding", 16) == 0;
        if (unknown) {
            sb_printf(&msg, "%s: error: unknown encoding for ", path);
            py_str_repr_plain(&msg, path);
            sb_printf(&msg, ": %s\n", enc);
        } else if (bom && strcmp(enc, "utf-8") != 0) {
            sb_printf(&msg, "%s: error: encoding problem for ", path);
            py_str_repr_plain(&msg, path);
            sb_printf(&msg, ": utf-8\n");
        }
        AdTokenizer_Free(probe);
        if (msg.data)
            goto fail;
    }
    if (memchr(l1, 0, checked) != NULL) {
        sb_printf(&msg, "%s: error: source code cannot contain null bytes\n", path);
        goto fail;
    }
    {
        /* only UTF-8 can fail here among the supported codecs (ascii too) */
        AdTokenizer *probe = AdTokenizer_New(src, len, path, AD_TOKF_EXTRA_TOKENS);
        int ascii = probe && strcmp(AdTokenizer_Encoding(probe), "ascii") == 0;
        int latin = probe && strcmp(AdTokenizer_Encoding(probe), "iso-8859-1") == 0;
        AdTokenizer_Free(probe);
        int bad = 0;
        if (ascii) {
            for (size_t i = 0; i < checked; i++)
                if ((unsigned char)l1[i] >= 0x80)
                    bad = 1;
        } else if (!latin) {
            bad = !valid_utf8(l1, checked);
        }
        if (bad) {
            sb_printf(&msg, "%s: error: invalid or missing encoding declaration for ", path);
            py_str_repr_plain(&msg, path);
            sb_put(&msg, "\n", 1);
            goto fail;
        }
    }
    return 0;
fail:
    fputs(msg.data, err);
    free(msg.data);
    return 1;
}

int AdTokenizer_DumpFile(const char *path, FILE *out, FILE *err)
{
    FILE *f = fopen(path, "rb");
    if (f == NULL) {
        int e = errno;
        fprintf(err, "error: [Errno %d] %s: ", e, strerror(e));
        sbuf r = {0};
        py_str_repr_plain(&r, path);
        fprintf(err, "%s\n", r.data ? r.data : "");
        free(r.data);
        return 1;
    }
    sbuf src = {0};
    char chunk[65536];
    size_t n;
    while ((n = fread(chunk, 1, sizeof chunk, f)) > 0)
        if (sb_put(&src, chunk, n) < 0) {
            fclose(f);
            free(src.data);
            fprintf(err, "error: out of memory\n");
            return 1;
        }
    fclose(f);
    if (src.data == NULL)
        sb_put(&src, "", 0);

    if (detect_errors(path, src.data, src.len, err)) {
        free(src.data);
        return 1;
    }

    AdTokenizer *t = AdTokenizer_New(src.data, src.len, path, AD_TOKF_EXTRA_TOKENS);
    free(src.data);
    if (t == NULL) {
        fprintf(err, "error: out of memory\n");
        return 1;
    }
    sbuf o = {0};
    colcache cc = {0};
    int status = 0;
    const char *enc = AdTokenizer_Encoding(t);
    if (t->err.kind != AD_TOKERR_NONE) {
        fprintf(err, "%s: error: %s\n", path, t->err.msg);
        AdTokenizer_Free(t);
        return 1;
    }
    {
        char range[64];
        snprintf(range, sizeof range, "%d,%d-%d,%d:", 0, 0, 0, 0);
        sb_printf(&o, "%-20s%-15s", range, "ENCODING");
        sbuf r = {0};
        int w = py_repr(&r, enc, strlen(enc));
        sb_put(&o, r.data, r.len);
        for (; w < 15; w++)
            sb_put(&o, " ", 1);
        sb_put(&o, "\n", 1);
        free(r.data);
    }
    for (;;) {
        AdToken tk;
        int type = AdTokenizer_Next(t, &tk);
        if (type == AD_TOK_ERRORTOKEN) {
            const AdTokError *e = AdTokenizer_Error(t);
            const char *msg = e->msg;
            if (e->kind == AD_TOKERR_SYNTAX &&
                strstr(msg, "unterminated triple-quoted string literal") != NULL)
                msg = "EOF in multi-line string";
            fprintf(err, "%s:%d:%d: error: %s\n", path, e->lineno, e->offset, msg);
            status = 1;
            break;
        }
        int lineno = tk.lineno, end_lineno = tk.end_lineno;
        int col = char_col(&cc, tk.line_start, tk.start);
        int end_col = char_col(&cc, tk.end - tk.end_col_offset, tk.end);
        const char *s = tk.start;
        size_t slen = (size_t)(tk.end - tk.start);
        if (type == AD_TOK_ENDMARKER || (type == AD_TOK_DEDENT && t->done == TOK_EOF)) {
            lineno = end_lineno = t->lineno + 1;
            col = end_col = 0;
        }
        if ((type == AD_TOK_NEWLINE || type == AD_TOK_NL) && t->implicit_newline &&
            tk.start == t->buf + t->len - 1)
            slen = 0;
        int shown = tk.exact_type;
        if (tk.type == AD_TOK_OP && slen == 2 && memcmp(s, "<>", 2) == 0)
            shown = AD_TOK_OP;
        char range[96];
        snprintf(range, sizeof range, "%d,%d-%d,%d:", lineno, col, end_lineno, end_col);
        sb_printf(&o, "%-20s%-15s", range, AdToken_Name(shown));
        sbuf r = {0};
        int w = py_repr(&r, s, slen);
        sb_put(&o, r.data, r.len);
        for (; w < 15; w++)
            sb_put(&o, " ", 1);
        sb_put(&o, "\n", 1);
        free(r.data);
        if (type == AD_TOK_ENDMARKER)
            break;
    }
    if (status == 0 && o.data)
        fwrite(o.data, 1, o.len, out);
    free(o.data);
    AdTokenizer_Free(t);
    return status;
}
