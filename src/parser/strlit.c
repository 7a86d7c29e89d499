/* strlit.c -- decoding of string and bytes literals.
 *
 * Owns: AdStrlit_DecodeToken/DecodeBody/Clear (see strlit.h).
 *
 * Error positions in "(unicode error) ..." messages are those CPython
 * reports: it first rewrites every non-ASCII character of the literal as
 * a 10-character "\UXXXXXXXX" escape (and a backslash before one as the
 * 6-character "\u005c"), then decodes; positions count in that rewritten
 * text.  tpos below tracks that count.
 */
#include "parser/strlit.h"
#include "parser/tokenizer_internal.h"
#include "parser/unicode_names.h"

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static void init(AdStrlit *out)
{
    memset(out, 0, sizeof *out);
    out->warn_offset = -1;
}

void AdStrlit_Clear(AdStrlit *out)
{
    if (out == NULL)
        return;
    free(out->data);
    free(out->warn_msg);
    free(out->error);
    init(out);
}

static int set_error(AdStrlit *out, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
static int set_error(AdStrlit *out, const char *fmt, ...)
{
    char buf[512];
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(buf, sizeof buf, fmt, ap);
    va_end(ap);
    free(out->error);
    out->error = strdup(buf);
    free(out->data);
    out->data = NULL;
    out->len = 0;
    return out->error ? -1 : -2;
}

static int unicode_error(AdStrlit *out, size_t start, size_t end, const char *what)
{
    if (end - start == 1)
        return set_error(out, "(unicode error) 'unicodeescape' codec can't decode byte 0x5c "
                              "in position %zu: %s", start, what);
    return set_error(out, "(unicode error) 'unicodeescape' codec can't decode bytes in "
                          "position %zu-%zu: %s", start, end - 1, what);
}

static void note_invalid(AdStrlit *out, const char *body, size_t bs, size_t len, long base)
{
    /* BS is the index of the backslash; the escaped char follows. */
    if (out->warn_msg)
        return;
    char c = body[bs + 1];
    char msg[256];
    if (c >= '4' && c <= '7') {
        int n = (int)(len - bs - 1 < 3 ? len - bs - 1 : 3);
        snprintf(msg, sizeof msg,
                 "\"\\%.*s\" is an invalid octal escape sequence. Such sequences will not work "
                 "in the future. Did you mean \"\\\\%.*s\"? A raw string is also an option.",
                 n, body + bs + 1, n, body + bs + 1);
    } else {
        snprintf(msg, sizeof msg,
                 "\"\\%c\" is an invalid escape sequence. Such sequences will not work in the "
                 "future. Did you mean \"\\\\%c\"? A raw string is also an option.", c, c);
    }
    out->warn_msg = strdup(msg);
    out->warn_offset = base + (long)bs;
}

static int hexval(char c)
{
    if (c >= '0' && c <= '9')
        return c - '0';
    if (c >= 'a' && c <= 'f')
        return c - 'a' + 10;
    if (c >= 'A' && c <= 'F')
        return c - 'A' + 10;
    return -1;
}

/* Length of S[0..N) in CPython's rewritten form. */
static size_t tlen(const char *s, size_t n)
{
    size_t t = 0;
    for (size_t i = 0; i < n; i++) {
        unsigned char c = (unsigned char)s[i];
        if (c < 0x80)
            t++;
        else if ((c & 0xC0) != 0x80)
            t += 10;
    }
    return t;
}

static int decode_str(const char *s, size_t len, long base, AdStrlit *out)
{
    char *o = malloc(len + 1);
    if (o == NULL)
        return -2;
    out->data = o;
    size_t j = 0, i = 0, tpos = 0;
    while (i < len) {
        unsigned char c = (unsigned char)s[i];
        if (c != '\\') {
            if (c < 0x80) {
                o[j++] = (char)c;
                i++;
                tpos++;
            } else {
                int l;
                if (parser_tok_utf8_decode((const unsigned char *)s + i, len - i, &l) < 0)
                    l = 1;
                memcpy(o + j, s + i, (size_t)l);
                j += (size_t)l;
                i += (size_t)l;
                tpos += 10;
            }
            continue;
        }
        if (i + 1 >= len || (unsigned char)s[i + 1] >= 0x80) {
            /* rewritten as \u005c: a plain backslash */
            o[j++] = '\\';
            i++;
            tpos += 6;
            continue;
        }
        size_t start = tpos;
        size_t bs = i;
        char e = s[i + 1];
        i += 2;
        tpos += 2;
        switch (e) {
        case '\n': break;
        case '\\': o[j++] = '\\'; break;
        case '\'': o[j++] = '\''; break;
        case '"': o[j++] = '"'; break;
        case 'a': o[j++] = '\a'; break;
        case 'b': o[j++] = '\b'; break;
        case 'f': o[j++] = '\f'; break;
        case 'n': o[j++] = '\n'; break;
        case 'r': o[j++] = '\r'; break;
        case 't': o[j++] = '\t'; break;
        case 'v': o[j++] = '\v'; break;
        case '0': case '1': case '2': case '3':
        case '4': case '5': case '6': case '7': {
            unsigned v = (unsigned)(e - '0');
            for (int k = 0; k < 2 && i < len && s[i] >= '0' && s[i] <= '7'; k++) {
                v = v * 8 + (unsigned)(s[i] - '0');
                i++;
                tpos++;
            }
            if (v > 0377)
                note_invalid(out, s, bs, len, base);
            j += (size_t)parser_tok_utf8_encode(v, o + j);
            break;
        }
        case 'x': case 'u': case 'U': {
            int need = e == 'x' ? 2 : e == 'u' ? 4 : 8;
            unsigned long v = 0;
            for (int k = 0; k < need; k++) {
                int h = i < len ? hexval(s[i]) : -1;
                if (h < 0)
                    return unicode_error(out, start, tpos,
                                         e == 'x' ? "truncated \\xXX escape"
                                         : e == 'u' ? "truncated \\uXXXX escape"
                                                    : "truncated \\UXXXXXXXX escape");
                v = v * 16 + (unsigned long)h;
                i++;
                tpos++;
            }
            if (v > 0x10FFFF)
                return unicode_error(out, start, tpos, "illegal Unicode character");
            j += (size_t)parser_tok_utf8_encode(v, o + j);
            break;
        }
        case 'N': {
            const char *what = "malformed \\N character escape";
            if (i >= len)
                return unicode_error(out, start, tpos, what);
            if (s[i] == '{') {
                size_t name = i + 1, k = name;
                while (k < len && s[k] != '}')
                    k++;
                if (k >= len)
                    return unicode_error(out, start, tpos + tlen(s + i, len - i), what);
                if (k > name) {
                    uint32_t cp;
                    size_t end = tpos + tlen(s + i, k + 1 - i);
                    if (parser_ucd_lookup(s + name, k - name, &cp)) {
                        j += (size_t)parser_tok_utf8_encode(cp, o + j);
                        tpos = end;
                        i = k + 1;
                        break;
                    }
                    return unicode_error(out, start, end, "unknown Unicode character name");
                }
                return unicode_error(out, start, tpos + 1, what);
            }
            return unicode_error(out, start, tpos, what);
        }
        default:
            note_invalid(out, s, bs, len, base);
            o[j++] = '\\';
            o[j++] = e;
            break;
        }
    }
    o[j] = 0;
    out->len = j;
    return 0;
}

static int decode_bytes(const char *s, size_t len, long base, AdStrlit *out)
{
    char *o = malloc(len + 1);
    if (o == NULL)
        return -2;
    out->data = o;
    size_t j = 0, i = 0;
    while (i < len) {
        char c = s[i];
        if (c != '\\' || i + 1 >= len) {
            o[j++] = c;
            i++;
            continue;
        }
        size_t bs = i;
        char e = s[i + 1];
        i += 2;
        switch (e) {
        case '\n': break;
        case '\\': o[j++] = '\\'; break;
        case '\'': o[j++] = '\''; break;
        case '"': o[j++] = '"'; break;
        case 'a': o[j++] = '\a'; break;
        case 'b': o[j++] = '\b'; break;
        case 'f': o[j++] = '\f'; break;
        case 'n': o[j++] = '\n'; break;
        case 'r': o[j++] = '\r'; break;
        case 't': o[j++] = '\t'; break;
        case 'v': o[j++] = '\v'; break;
        case '0': case '1': case '2': case '3':
        case '4': case '5': case '6': case '7': {
            unsigned v = (unsigned)(e - '0');
            for (int k = 0; k < 2 && i < len && s[i] >= '0' && s[i] <= '7'; k++) {
                v = v * 8 + (unsigned)(s[i] - '0');
                i++;
            }
            if (v > 0377)
                note_invalid(out, s, bs, len, base);
            o[j++] = (char)(v & 0xFF);
            break;
        }
        case 'x': {
            int h1 = i < len ? hexval(s[i]) : -1;
            int h2 = i + 1 < len ? hexval(s[i + 1]) : -1;
            if (h1 < 0 || h2 < 0)
                return set_error(out, "(value error) invalid \\x escape at position %zu", bs);
            o[j++] = (char)(h1 * 16 + h2);
            i += 2;
            break;
        }
        default:
            note_invalid(out, s, bs, len, base);
            o[j++] = '\\';
            o[j++] = e;
            break;
        }
    }
    o[j] = 0;
    out->len = j;
    return 0;
}

static int decode(const char *body, size_t len, int is_bytes, int is_raw, long base,
                  AdStrlit *out)
{
    out->is_bytes = is_bytes;
    if (is_bytes) {
        for (size_t i = 0; i < len; i++)
            if ((unsigned char)body[i] >= 0x80)
                return set_error(out, "bytes can only contain ASCII literal characters");
    }
    if (is_raw) {
        out->data = malloc(len + 1);
        if (out->data == NULL)
            return -2;
        memcpy(out->data, body, len);
        out->data[len] = 0;
        out->len = len;
        return 0;
    }
    return is_bytes ? decode_bytes(body, len, base, out) : decode_str(body, len, base, out);
}

int AdStrlit_DecodeBody(const char *body, size_t len, int is_bytes, int is_raw, AdStrlit *out)
{
    init(out);
    return decode(body, len, is_bytes, is_raw, 0, out);
}

int AdStrlit_DecodeToken(const char *text, size_t len, AdStrlit *out)
{
    init(out);
    size_t i = 0;
    int is_bytes = 0, is_raw = 0;
    while (i < len && text[i] != '\'' && text[i] != '"') {
        char c = text[i];
        if (c == 'b' || c == 'B')
            is_bytes = 1;
        else if (c == 'r' || c == 'R')
            is_raw = 1;
        else if (c != 'u' && c != 'U')
            return set_error(out, "invalid string prefix");
        i++;
    }
    if (i >= len)
        return set_error(out, "invalid string literal");
    char q = text[i];
    size_t qs = (len - i >= 6 && text[i + 1] == q && text[i + 2] == q) ? 3 : 1;
    if (len - i < 2 * qs)
        return set_error(out, "invalid string literal");
    size_t b = i + qs, e = len - qs;
    return decode(text + b, e - b, is_bytes, is_raw, (long)b, out);
}
