/* codecs_escape.c: the escape codecs: unicode_escape and
 * raw_unicode_escape (str <-> bytes with \xXX, \uXXXX, \UXXXXXXXX, \N{...}
 * and the C escapes) and escape_encode/escape_decode (bytes <-> bytes, the
 * escapes of bytes literals), with CPython's error texts and its
 * DeprecationWarning for invalid escapes. */
#include "modules/codecs_internal.h"

#include <stdio.h>
#include <string.h>
#include "numeric/numeric.h"
#include "objects/bytes.h"
#include "objects/errors.h"
#include "objects/exceptions.h"
#include "objects/int.h"
#include "objects/str.h"
#include "objects/tuple.h"
#include "unicode/unicode_db.h"

static int hexval(unsigned c)
{
    if (c >= '0' && c <= '9') return (int)(c - '0');
    if (c >= 'a' && c <= 'f') return (int)(c - 'a' + 10);
    if (c >= 'A' && c <= 'F') return (int)(c - 'A' + 10);
    return -1;
}

static AdObject *str_pair(AdObject *s, Ad_ssize_t n)
{
    if (!s)
        return NULL;
    AdObject *t = AdTuple_New(2), *i = AdInt_FromSsize_t(n);
    if (!t || !i) {
        Ad_XDECREF(t);
        Ad_XDECREF(i);
        Ad_DECREF(s);
        return NULL;
    }
    AdTuple_SET_ITEM(t, 0, s);
    AdTuple_SET_ITEM(t, 1, i);
    return t;
}

/* ---- unicode_escape / raw_unicode_escape decoding ------------------------ */

AdObject *codecs_unicode_escape_decode(const char *data, Ad_ssize_t n, const char *errors, int final,
                                       int raw)
{
    const unsigned char *s = (const unsigned char *)data;
    const char *encoding = raw ? "rawunicodeescape" : "unicodeescape";
    AdStrWriter w;
    AdStrWriter_Init(&w);
    AdObject *handler = NULL;
    Ad_ssize_t i = 0, first_invalid = -1;
    int invalid_octal = 0;
    uint32_t invalid_value = 0;
    while (i < n) {
        unsigned c = s[i];
        if (c != '\\') {
            if (AdStrWriter_WriteChar(&w, c) < 0)
                goto fail;
            i++;
            continue;
        }
        Ad_ssize_t start = i;
        if (raw) {
            /* only \u and \U escape; any other pair stays as it is */
            i++;
            if (i >= n) {
                if (!final) {
                    i = start;
                    break;
                }
                if (AdStrWriter_WriteChar(&w, '\\') < 0)
                    goto fail;
                continue;
            }
            if (s[i] != 'u' && s[i] != 'U') {
                if (AdStrWriter_WriteChar(&w, '\\') < 0 || AdStrWriter_WriteChar(&w, s[i]) < 0)
                    goto fail;
                i++;
                continue;
            }
        } else {
            i++;
            if (i >= n) {
                if (!final) {
                    i = start;
                    break;
                }
                if (codecs_decode_error(encoding, errors, &handler, data, n, start, n,
                                        "\\ at end of string", &w, &i) < 0)
                    goto fail;
                continue;
            }
            c = s[i++];
            uint32_t out = 0;
            int simple = 1;
            switch (c) {
            case '\n': continue;
            case '\\': out = '\\'; break;
            case '\'': out = '\''; break;
            case '"': out = '"'; break;
            case 'b': out = '\b'; break;
            case 'f': out = '\f'; break;
            case 't': out = '\t'; break;
            case 'n': out = '\n'; break;
            case 'r': out = '\r'; break;
            case 'v': out = '\v'; break;
            case 'a': out = '\a'; break;
            case '0': case '1': case '2': case '3': case '4': case '5': case '6': case '7':
                out = c - '0';
                if (i < n && s[i] >= '0' && s[i] <= '7') {
                    out = out * 8 + (s[i++] - '0');
                    if (i < n && s[i] >= '0' && s[i] <= '7')
                        out = out * 8 + (s[i++] - '0');
                }
                if (out > 0377 && first_invalid < 0) {
                    first_invalid = start;
                    invalid_octal = 1;
                    invalid_value = out;
                }
                break;
            case 'x': case 'u': case 'U':
                i--;            /* the hex reader below starts at the letter */
                simple = 0;
                break;
            case 'N':
                simple = 0;
                break;
            default:
                if (first_invalid < 0) {
                    first_invalid = start;
                    invalid_value = c;
                }
                if (AdStrWriter_WriteChar(&w, '\\') < 0)
                    goto fail;
                out = c;
                break;
            }
            if (simple) {
                if (AdStrWriter_WriteChar(&w, out) < 0)
                    goto fail;
                continue;
            }
            if (c == 'N') {
                const char *msg = "malformed \\N character escape";
                if (i < n && s[i] == '{') {
                    Ad_ssize_t j = i + 1;
                    while (j < n && s[j] != '}')
                        j++;
                    if (j < n && j > i + 1) {
                        uint32_t cps[AD_UNICODE_SEQUENCE_MAX];
                        if (AdUnicode_Lookup((const char *)s + i + 1, (size_t)(j - i - 1), 0, cps) == 1) {
                            if (AdStrWriter_WriteChar(&w, cps[0]) < 0)
                                goto fail;
                            i = j + 1;
                            continue;
                        }
                        msg = "unknown Unicode character name";
                        i = j + 1;
                    } else if (j >= n) {
                        if (!final) {
                            i = start;
                            break;
                        }
                        i = n;
                    } else
                        i = j + 1;
                } else if (i >= n && !final) {
                    i = start;
                    break;
                }
                if (codecs_decode_error(encoding, errors, &handler, data, n, start, i, msg, &w, &i) < 0)
                    goto fail;
                continue;
            }
        }
        /* \xXX, \uXXXX, \UXXXXXXXX */
        c = s[i++];
        int digits = c == 'x' ? 2 : c == 'u' ? 4 : 8;
        uint32_t v = 0;
        int k = 0;
        for (; k < digits && i < n; k++, i++) {
            int h = hexval(s[i]);
            if (h < 0)
                break;
            v = v * 16 + (uint32_t)h;
        }
        if (k < digits) {
            if (i >= n && !final) {
                i = start;
                break;
            }
            char msg[40];
            snprintf(msg, sizeof msg, "truncated \\%s escape",
                     c == 'x' ? "xXX" : c == 'u' ? "uXXXX" : "UXXXXXXXX");
            if (codecs_decode_error(encoding, errors, &handler, data, n, start, i, msg, &w, &i) < 0)
                goto fail;
            continue;
        }
        if (v > 0x10FFFF) {
            if (codecs_decode_error(encoding, errors, &handler, data, n, start, i,
                                    raw ? "\\Uxxxxxxxx out of range" : "illegal Unicode character",
                                    &w, &i) < 0)
                goto fail;
            continue;
        }
        if (AdStrWriter_WriteChar(&w, v) < 0)
            goto fail;
    }
    Ad_XDECREF(handler);
    handler = NULL;
    if (first_invalid >= 0) {
        int r;
        if (invalid_octal)
            r = AdErr_WarnFormat(AdExc_DeprecationWarning, 1, "\"\\%o\" is an invalid octal escape sequence. "
                                 "Such sequences will not work in the future. ", (unsigned)invalid_value);
        else
            r = AdErr_WarnFormat(AdExc_DeprecationWarning, 1, "\"\\%c\" is an invalid escape sequence. "
                                 "Such sequences will not work in the future. ", (int)invalid_value);
        if (r < 0)
            goto fail;
    }
    return str_pair(AdStrWriter_Finish(&w), i);
fail:
    Ad_XDECREF(handler);
    AdStrWriter_Dealloc(&w);
    return NULL;
}

/* ---- unicode_escape / raw_unicode_escape encoding ------------------------ */

AdObject *codecs_unicode_escape_encode(AdObject *str, int raw)
{
    AdNumBuf out = {0};
    Ad_ssize_t n = AdStr_LENGTH(str);
    char buf[12];
    for (Ad_ssize_t i = 0; i < n; i++) {
        uint32_t c = AdStr_READ_CHAR(str, i);
        int r;
        if (c >= 0x10000) {
            snprintf(buf, sizeof buf, "\\U%08x", (unsigned)c);
            r = AdNumBuf_Append(&out, buf, 10);
        } else if (c >= 0x100) {
            snprintf(buf, sizeof buf, "\\u%04x", (unsigned)c);
            r = AdNumBuf_Append(&out, buf, 6);
        } else if (raw)
            r = AdNumBuf_AppendChar(&out, (char)c);
        else if (c == '\\')
            r = AdNumBuf_Append(&out, "\\\\", 2);
        else if (c == '\t')
            r = AdNumBuf_Append(&out, "\\t", 2);
        else if (c == '\n')
            r = AdNumBuf_Append(&out, "\\n", 2);
        else if (c == '\r')
            r = AdNumBuf_Append(&out, "\\r", 2);
        else if (c < 0x20 || c >= 0x7F) {
            snprintf(buf, sizeof buf, "\\x%02x", (unsigned)c);
            r = AdNumBuf_Append(&out, buf, 4);
        } else
            r = AdNumBuf_AppendChar(&out, (char)c);
        if (r < 0) {
            AdNumBuf_Free(&out);
            return AdErr_NoMemory();
        }
    }
    AdObject *b = AdBytes_FromStringAndSize(out.data ? out.data : "", (Ad_ssize_t)out.len);
    AdNumBuf_Free(&out);
    return b;
}

/* ---- escape_encode / escape_decode (bytes to bytes) ---------------------- */

AdObject *codecs_escape_encode(AdObject *bytes)
{
    const unsigned char *s = (const unsigned char *)AdBytes_AS_STRING(bytes);
    Ad_ssize_t n = AdBytes_GET_SIZE(bytes);
    AdNumBuf out = {0};
    char buf[8];
    for (Ad_ssize_t i = 0; i < n; i++) {
        unsigned c = s[i];
        int r;
        if (c == '\\' || c == '\'') {
            buf[0] = '\\';
            buf[1] = (char)c;
            r = AdNumBuf_Append(&out, buf, 2);
        } else if (c == '\t')
            r = AdNumBuf_Append(&out, "\\t", 2);
        else if (c == '\n')
            r = AdNumBuf_Append(&out, "\\n", 2);
        else if (c == '\r')
            r = AdNumBuf_Append(&out, "\\r", 2);
        else if (c < 0x20 || c >= 0x7F) {
            snprintf(buf, sizeof buf, "\\x%02x", c);
            r = AdNumBuf_Append(&out, buf, 4);
        } else
            r = AdNumBuf_AppendChar(&out, (char)c);
        if (r < 0) {
            AdNumBuf_Free(&out);
            return AdErr_NoMemory();
        }
    }
    AdObject *b = AdBytes_FromStringAndSize(out.data ? out.data : "", (Ad_ssize_t)out.len);
    AdNumBuf_Free(&out);
    return b;
}

AdObject *codecs_escape_decode(const char *data, Ad_ssize_t n, const char *errors)
{
    const unsigned char *s = (const unsigned char *)data;
    AdNumBuf out = {0};
    Ad_ssize_t i = 0, first_invalid = -1;
    unsigned invalid_value = 0;
    int invalid_octal = 0;
    if (AdNumBuf_Reserve(&out, (size_t)n + 1) < 0)
        return AdErr_NoMemory();
    while (i < n) {
        unsigned c = s[i];
        if (c != '\\') {
            AdNumBuf_AppendChar(&out, (char)c);
            i++;
            continue;
        }
        Ad_ssize_t start = i++;
        if (i >= n) {
            AdNumBuf_Free(&out);
            AdErr_SetString(AdExc_ValueError, "Trailing \\ in string");
            return NULL;
        }
        c = s[i++];
        char o = 0;
        switch (c) {
        case '\n': continue;
        case '\\': o = '\\'; break;
        case '\'': o = '\''; break;
        case '"': o = '"'; break;
        case 'b': o = '\b'; break;
        case 'f': o = '\f'; break;
        case 't': o = '\t'; break;
        case 'n': o = '\n'; break;
        case 'r': o = '\r'; break;
        case 'v': o = '\v'; break;
        case 'a': o = '\a'; break;
        case '0': case '1': case '2': case '3': case '4': case '5': case '6': case '7': {
            unsigned v = c - '0';
            if (i < n && s[i] >= '0' && s[i] <= '7') {
                v = v * 8 + (s[i++] - '0');
                if (i < n && s[i] >= '0' && s[i] <= '7')
                    v = v * 8 + (s[i++] - '0');
            }
            if (v > 0377 && first_invalid < 0) {
                first_invalid = start;
                invalid_octal = 1;
                invalid_value = v;
            }
            o = (char)(v & 0xFF);
            break;
        }
        case 'x': {
            int h1 = i < n ? hexval(s[i]) : -1, h2 = i + 1 < n ? hexval(s[i + 1]) : -1;
            if (h1 >= 0 && h2 >= 0) {
                o = (char)(h1 * 16 + h2);
                i += 2;
                break;
            }
            if (!errors || !strcmp(errors, "strict")) {
                AdNumBuf_Free(&out);
                AdErr_Format(AdExc_ValueError, "invalid \\x escape at position %zd", start);
                return NULL;
            }
            if (!strcmp(errors, "replace"))
                AdNumBuf_AppendChar(&out, '?');
            else if (strcmp(errors, "ignore")) {
                AdNumBuf_Free(&out);
                AdErr_Format(AdExc_ValueError, "decoding error; unknown error handling code: %.400s", errors);
                return NULL;
            }
            if (h1 >= 0)
                i++;
            continue;
        }
        default:
            if (first_invalid < 0) {
                first_invalid = start;
                invalid_value = c;
            }
            AdNumBuf_AppendChar(&out, '\\');
            o = (char)c;
            break;
        }
        AdNumBuf_AppendChar(&out, o);
    }
    if (first_invalid >= 0) {
        int r = invalid_octal
            ? AdErr_WarnFormat(AdExc_DeprecationWarning, 1, "b\"\\%o\" is an invalid octal escape sequence. "
                               "Such sequences will not work in the future. ", invalid_value)
            : AdErr_WarnFormat(AdExc_DeprecationWarning, 1, "b\"\\%c\" is an invalid escape sequence. "
                               "Such sequences will not work in the future. ", (int)invalid_value);
        if (r < 0) {
            AdNumBuf_Free(&out);
            return NULL;
        }
    }
    AdObject *b = AdBytes_FromStringAndSize(out.data ? out.data : "", (Ad_ssize_t)out.len);
    AdNumBuf_Free(&out);
    return b;
}
