/* tokenizer_decode.c -- source decoding for the tokenizer (PEP 263).
 *
 * Owns: BOM handling, coding-cookie detection on lines 1-2, encoding-name
 * normalization (CPython's get_normal_name; the codec itself is looked up
 * and, except for latin-1 and ascii, applied by tokenizer_codecs.c),
 * decoding into the tokenizer's UTF-8 buffer with "\r\n"/"\r" turned into "\n" and a final "\n" added,
 * and finding the NUL bytes / invalid UTF-8 that the lexer reports when it
 * reaches their line.
 */
#include "parser/tokenizer_internal.h"

#include <ctype.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

/* How the line loop below treats the bytes: UTF-8 checked line by line
 * ("Non-UTF-8 code ..."), latin-1 or ascii converted there, or text
 * already decoded by tokenizer_codecs.c. */
enum { CODEC_UTF8, CODEC_LATIN1, CODEC_ASCII, CODEC_DECODED };

/* Length of the line at S (up to and including its '\n'; a lone '\r' also
 * ends a line, as universal newlines do). */
static size_t line_length(const char *s, size_t n)
{
    for (size_t i = 0; i < n; i++) {
        if (s[i] == '\n')
            return i + 1;
        if (s[i] == '\r')
            return (i + 1 < n && s[i + 1] == '\n') ? i + 2 : i + 1;
    }
    return n;
}

/* Length of the line at S up to and including its '\n' only (tokenize
 * reads lines with readline, which keeps "\r\n" and lone "\r"). */
static size_t raw_line(const char *s, size_t n)
{
    const char *nl = memchr(s, '\n', n);
    return nl ? (size_t)(nl - s) + 1 : n;
}

/* Is the line only whitespace and maybe a comment? (then line 2 may hold
 * the cookie) */
static int blank_or_comment(const char *s, size_t n)
{
    size_t i = 0;
    while (i < n && (s[i] == ' ' || s[i] == '\t' || s[i] == '\f'))
        i++;
    return i == n || s[i] == '#' || s[i] == '\r' || s[i] == '\n';
}

/* Find a coding spec in the line; returns 1 and sets [*name, *name+*nlen). */
static int find_cookie(const char *s, size_t n, const char **name, size_t *nlen)
{
    size_t i = 0;
    while (i < n && (s[i] == ' ' || s[i] == '\t' || s[i] == '\f'))
        i++;
    if (i >= n || s[i] != '#')
        return 0;
    for (; i + 6 < n; i++) {
        if (memcmp(s + i, "coding", 6) != 0)
            continue;
        size_t t = i + 6;
        if (s[t] != ':' && s[t] != '=')
            continue;
        do {
            t++;
        } while (t < n && (s[t] == ' ' || s[t] == '\t'));
        size_t b = t;
        while (t < n && (isalnum((unsigned char)s[t]) || s[t] == '-' ||
                         s[t] == '_' || s[t] == '.'))
            t++;
        if (t > b) {
            *name = s + b;
            *nlen = t - b;
            return 1;
        }
    }
    return 0;
}

/* CPython's get_normal_name: "utf-8" and "iso-8859-1" for their spellings,
 * otherwise the name as written.  Writes into OUT (size >= nlen + 1). */
static void normal_name(const char *name, size_t nlen, char *out)
{
    char low[13];
    size_t i;
    for (i = 0; i < 12 && i < nlen; i++) {
        char c = (char)tolower((unsigned char)name[i]);
        low[i] = c == '_' ? '-' : c;
    }
    low[i] = 0;
    if (strcmp(low, "utf-8") == 0 || strncmp(low, "utf-8-", 6) == 0) {
        strcpy(out, "utf-8");
        return;
    }
    static const char *const latin[] = {"latin-1", "iso-8859-1", "iso-latin-1"};
    for (int k = 0; k < 3; k++) {
        size_t l = strlen(latin[k]);
        if (strcmp(low, latin[k]) == 0 ||
            (strncmp(low, latin[k], l) == 0 && low[l] == '-')) {
            strcpy(out, "iso-8859-1");
            return;
        }
    }
    memcpy(out, name, nlen);
    out[nlen] = 0;
}

static const char *static_name(const char *normal)
{
    /* The ENCODING token shows tokenize's normal name; keep the common
     * spellings static and others in a small ring of static buffers. */
    if (strcmp(normal, "utf-8") == 0)
        return "utf-8";
    if (strcmp(normal, "iso-8859-1") == 0)
        return "iso-8859-1";
    static char ring[4][64];
    static int next;
    char *slot = ring[next++ & 3];
    strncpy(slot, normal, 63);
    slot[63] = 0;
    return slot;
}

/* Is S[0..N) valid UTF-8 (as the tokenizer accepts it)?  ASCII is checked
 * eight bytes at a time. */
static int utf8_ok(const char *s, size_t n)
{
    size_t i = 0;
    while (i < n) {
        if (i + 8 <= n) {
            uint64_t w;
            memcpy(&w, s + i, 8);
            if ((w & 0x8080808080808080ull) == 0) {
                i += 8;
                continue;
            }
        }
        if ((unsigned char)s[i] < 0x80) {
            i++;
            continue;
        }
        int l;
        if (parser_tok_utf8_decode((const unsigned char *)s + i, n - i, &l) < 0)
            return 0;
        i += (size_t)l;
    }
    return 1;
}

/* Append the line [s, s+n) to out with its line end turned into '\n'. */
static size_t copy_translated(const char *s, size_t n, char *out)
{
    size_t j = 0;
    for (size_t i = 0; i < n; i++) {
        if (s[i] == '\r') {
            out[j++] = '\n';
            if (i + 1 < n && s[i + 1] == '\n')
                i++;
        } else {
            out[j++] = s[i];
        }
    }
    return j;
}

/* A BOM (utf-8) with a cookie naming another encoding: CPython compares
 * the normal names before looking the codec up. */
static void bom_conflict(AdTokenizer *tok, const char *normal, int file, int cookie_line,
                         const char *cl, const char *end)
{
    size_t cn = line_length(cl, (size_t)(end - cl));
    while (cn > 0 && (cl[cn - 1] == '\n' || cl[cn - 1] == '\r'))
        cn--;
    if (file)
        parser_tok_set_error(tok, AD_TOKERR_SYNTAX, 0, -1, 0, -1, NULL, 0,
                             "encoding problem: %s with BOM", normal);
    else
        parser_tok_set_error(tok, AD_TOKERR_SYNTAX, cookie_line, 0, cookie_line, (int)cn, cl,
                             cn, "encoding problem: %s with BOM", normal);
}

/* The cookie names NORMAL (not "utf-8" itself): look the codec up and,
 * unless the line loop converts it (latin-1, ascii), decode the whole
 * source now, as CPython's string tokenizer does; then *SRC, *LEN and *POS
 * describe the decoded text (owned by TOK) and *CODEC is CODEC_DECODED.
 * Returns 0, 1 after setting the error (lineno 0, offset -1, as
 * CPython's codec errors have), or -1 when out of memory. */
static int decode_named(AdTokenizer *tok, const char *normal, int file, const char **src,
                        size_t *len, size_t *pos, int *codec)
{
    const struct parser_codec *c;
    int kind = parser_codec_lookup(normal, &c);
    if (kind == PARSER_CODEC_UNKNOWN || (file && kind == PARSER_CODEC_NOT_TEXT)) {
        parser_tok_set_error(tok, AD_TOKERR_SYNTAX, 0, -1, 0, -1, NULL, 0,
                             file ? "encoding problem: %s" : "unknown encoding: %s", normal);
        return 1;
    }
    if (kind == PARSER_CODEC_NOT_TEXT) {
        parser_tok_set_error(tok, AD_TOKERR_SYNTAX, 0, -1, 0, -1, NULL, 0,
                             "'%s' is not a text encoding; use codecs.decode() to handle "
                             "arbitrary codecs", normal);
        return 1;
    }
    if (kind == PARSER_CODEC_LATIN1) {
        *codec = CODEC_LATIN1;
        return 0;
    }
    if (kind == PARSER_CODEC_ASCII) {
        *codec = CODEC_ASCII;
        return 0;
    }
    /* CPython turns "\r\n" and "\r" into "\n" and adds a final "\n" before
     * decoding (so error positions count the translated bytes); tokenize
     * (extra mode) decodes the lines as they are. */
    const char *in = *src + *pos;
    size_t n = *len - *pos;
    char *translated = NULL;
    if (!tok->extra) {
        translated = malloc(n + 2);
        if (translated == NULL)
            return -1;
        n = copy_translated(in, n, translated);
        if (n == 0 || translated[n - 1] != '\n')
            translated[n++] = '\n';
        in = translated;
    }
    char msg[300];
    char *out;
    size_t outlen;
    int r = parser_codec_decode(c, in, n, &out, &outlen, msg, sizeof msg);
    free(translated);
    if (r < 0)
        return -1;
    if (r > 0) {
        parser_tok_set_error(tok, AD_TOKERR_SYNTAX, 0, -1, 0, -1, NULL, 0, "%s", msg);
        return 1;
    }
    if (parser_tok_own(tok, out) == NULL)
        return -1;
    *src = out;
    *len = outlen;
    *pos = 0;
    *codec = CODEC_DECODED;
    return 0;
}

int parser_tok_decode(AdTokenizer *tok, const char *src, size_t len)
{
    int file = (tok->flags & AD_TOKF_FILE_INPUT) != 0;
    size_t pos = 0;
    int bom = 0;
    int codec = CODEC_UTF8;
    tok->encoding = "utf-8";

    if (!(tok->flags & AD_TOKF_STR_INPUT)) {
        if (len >= 3 && memcmp(src, "\xEF\xBB\xBF", 3) == 0) {
            bom = 1;
            pos = 3;
        }
        const char *l1 = src + pos;
        size_t n1 = line_length(l1, len - pos);
        const char *name = NULL;
        size_t nlen = 0;
        int cookie_line = 0;
        if (find_cookie(l1, n1, &name, &nlen)) {
            cookie_line = 1;
        } else if (blank_or_comment(l1, n1)) {
            const char *l2 = l1 + n1;
            size_t n2 = line_length(l2, len - pos - n1);
            if (find_cookie(l2, n2, &name, &nlen))
                cookie_line = 2;
        }
        if (cookie_line) {
            char *normal = malloc(nlen + 12);
            if (normal == NULL)
                return -1;
            normal_name(name, nlen, normal);
            tok->encoding = static_name(normal);
            int r = 0;
            if (bom && strcmp(normal, "utf-8") != 0) {
                bom_conflict(tok, normal, file, cookie_line, cookie_line == 1 ? l1 : l1 + n1,
                             src + len);
                r = 1;
            } else if (strcmp(normal, "utf-8") != 0) {
                r = decode_named(tok, normal, file, &src, &len, &pos, &codec);
            }
            free(normal);
            if (r < 0)
                return -1;
            if (r > 0)
                goto empty;
        }
    }

    /* The common case, checked at memchr/word speed: UTF-8 without CR or
     * NUL bytes needs no per-line work; the text is copied as it is. */
    if (codec == CODEC_UTF8 && !tok->extra && memchr(src + pos, '\r', len - pos) == NULL &&
        memchr(src + pos, 0, len - pos) == NULL && utf8_ok(src + pos, len - pos)) {
        size_t n = len - pos;
        tok->buf = malloc(n + 2);
        if (tok->buf == NULL)
            return -1;
        memcpy(tok->buf, src + pos, n);
        if (n > 0 && tok->buf[n - 1] != '\n') {
            tok->buf[n++] = '\n';
            tok->implicit_newline = 1;
        }
        tok->buf[n] = 0;
        tok->len = n;
        tok->limit = tok->buf + n;
        return 0;
    }

    /* Decode into UTF-8; latin-1 may double the size. */
    size_t cap = (len - pos) + 16;
    tok->buf = malloc(cap);
    if (tok->buf == NULL)
        return -1;
    char *out = tok->buf;
    size_t o = 0;
    const char *p = src + pos;
    const char *end = src + len;
    int lineno = 0;
    while (p < end) {
        size_t n = tok->extra ? raw_line(p, (size_t)(end - p))
                              : line_length(p, (size_t)(end - p));
        lineno++;
        if (o + 3 * n + 2 > cap) {
            size_t ncap = (o + 3 * n + 2) * 2;
            char *nb = realloc(tok->buf, ncap);
            if (nb == NULL)
                return -1;
            tok->buf = nb;
            out = nb;
            cap = ncap;
        }
        /* Check the line. */
        const char *nul = memchr(p, 0, n);
        size_t bad = n;
        if (codec == CODEC_UTF8 && !tok->extra) {
            size_t i = 0;
            while (i < n) {
                unsigned char c = (unsigned char)p[i];
                if (c < 0x80) {
                    i++;
                    continue;
                }
                int l;
                if (parser_tok_utf8_decode((const unsigned char *)p + i, n - i, &l) < 0) {
                    bad = i;
                    break;
                }
                i += (size_t)l;
            }
        } else if (codec == CODEC_ASCII) {
            for (size_t i = 0; i < n; i++)
                if ((unsigned char)p[i] >= 0x80) {
                    if (file)
                        parser_tok_set_error(tok, AD_TOKERR_SYNTAX, 0, -1, 0, -1, NULL, 0,
                                             "encoding problem: ascii");
                    else
                        parser_tok_set_error(
                            tok, AD_TOKERR_SYNTAX, 0, -1, 0, -1, NULL, 0,
                            "'ascii' codec can't decode byte 0x%02x in position %zu: "
                            "ordinal not in range(128)",
                            (unsigned char)p[i], (size_t)(p + i - src));
                    free(tok->buf);
                    tok->buf = NULL;
                    goto empty;
                }
        }
        if (nul || bad < n) {
            tok->pending = (nul && (size_t)(nul - p) <= bad) ? TOK_PENDING_NUL
                                                              : TOK_PENDING_BADUTF8;
            tok->pending_lineno = lineno;
            tok->pending_col = bad;
            tok->pending_byte = bad < n ? (unsigned char)p[bad] : 0;
            tok->pending_line = p;
            tok->pending_line_len = n;
            break;
        }
        if (codec == CODEC_LATIN1) {
            /* latin-1 to UTF-8 with newline translation */
            for (size_t i = 0; i < n; i++) {
                unsigned char c = (unsigned char)p[i];
                if (c == '\r') {
                    out[o++] = '\n';
                    if (i + 1 < n && p[i + 1] == '\n')
                        i++;
                } else if (c < 0x80) {
                    out[o++] = (char)c;
                } else {
                    o += (size_t)parser_tok_utf8_encode(c, out + o);
                }
            }
        } else if ((codec == CODEC_UTF8 || codec == CODEC_DECODED) && tok->extra) {
            /* tokenize reads lines as they are (no newline translation)
             * and decodes lines past the cookie with replacement */
            size_t i = 0;
            while (i < n) {
                unsigned char c = (unsigned char)p[i];
                int l = 1;
                if (c >= 0x80 && parser_tok_utf8_decode((const unsigned char *)p + i, n - i, &l) < 0) {
                    o += (size_t)parser_tok_utf8_encode(0xFFFD, out + o);
                    i++;
                    continue;
                }
                memcpy(out + o, p + i, (size_t)l);
                o += (size_t)l;
                i += (size_t)l;
            }
        } else {
            o += copy_translated(p, n, out + o);
        }
        p += n;
    }
    if (!tok->pending && o > 0 && out[o - 1] != '\n') {
        out[o++] = '\n';
        tok->implicit_newline = 1;
    }
    out[o] = 0;
    tok->len = o;
    tok->limit = tok->buf + o;
    return 0;

empty:
    if (tok->buf == NULL) {
        tok->buf = malloc(1);
        if (tok->buf == NULL)
            return -1;
    }
    tok->buf[0] = 0;
    tok->len = 0;
    tok->limit = tok->buf;
    return 0;
}
