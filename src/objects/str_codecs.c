/* str_codecs.c: the codecs str and bytes carry themselves: UTF-8 (and the
 * generalized UTF-8 of AdStr_FromStringAndSize), Latin-1, ASCII, UTF-16
 * and UTF-32 (with BOM handling and both byte orders), with the standard
 * error handlers (strict, ignore, replace, surrogateescape, surrogatepass,
 * backslashreplace, xmlcharrefreplace, namereplace) and CPython's
 * UnicodeDecodeError/UnicodeEncodeError positions and reasons. */
#include "objects/str_internal.h"
#if STR_KERNEL_READY
#include <stdio.h>
#include <ctype.h>
#include "memory/alloc.h"
#include "numeric/numeric.h"
#include "objects/bytes.h"
#include "objects/int.h"
#include "objects/tuple.h"
#include "unicode/unicode_db.h"

/* ---- codec names --------------------------------------------------------- */

enum codec { C_NONE, C_UTF8, C_LATIN1, C_ASCII, C_UTF16, C_UTF16LE, C_UTF16BE,
             C_UTF32, C_UTF32LE, C_UTF32BE };

static enum codec codec_lookup(const char *name, const char **canon)
{
    char norm[32];
    size_t n = 0;
    for (const char *p = name; *p; p++) {
        if (n >= sizeof norm - 1)
            return C_NONE;
        char c = (char)tolower((unsigned char)*p);
        norm[n++] = (c == '-' || c == ' ') ? '_' : c;
    }
    norm[n] = 0;
    static const struct { const char *alias; enum codec c; const char *canon; } table[] = {
        {"utf_8", C_UTF8, "utf-8"}, {"utf8", C_UTF8, "utf-8"}, {"u8", C_UTF8, "utf-8"},
        {"utf", C_UTF8, "utf-8"}, {"utf8_ucs2", C_UTF8, "utf-8"}, {"utf8_ucs4", C_UTF8, "utf-8"},
        {"cp65001", C_UTF8, "utf-8"},
        {"latin_1", C_LATIN1, "latin-1"}, {"latin1", C_LATIN1, "latin-1"}, {"latin", C_LATIN1, "latin-1"},
        {"l1", C_LATIN1, "latin-1"}, {"iso_8859_1", C_LATIN1, "latin-1"}, {"iso8859_1", C_LATIN1, "latin-1"},
        {"8859", C_LATIN1, "latin-1"}, {"cp819", C_LATIN1, "latin-1"}, {"iso_ir_100", C_LATIN1, "latin-1"},
        {"csisolatin1", C_LATIN1, "latin-1"}, {"iso_8859_1:1987", C_LATIN1, "latin-1"},
        {"ascii", C_ASCII, "ascii"}, {"us_ascii", C_ASCII, "ascii"}, {"646", C_ASCII, "ascii"},
        {"us", C_ASCII, "ascii"}, {"ansi_x3.4_1968", C_ASCII, "ascii"}, {"cp367", C_ASCII, "ascii"},
        {"csascii", C_ASCII, "ascii"}, {"ibm367", C_ASCII, "ascii"}, {"iso646_us", C_ASCII, "ascii"},
        {"iso_646.irv:1991", C_ASCII, "ascii"}, {"iso_ir_6", C_ASCII, "ascii"}, {"ansi_x3.4_1986", C_ASCII, "ascii"},
        {"ansi_x3_4_1968", C_ASCII, "ascii"},
        {"utf_16", C_UTF16, "utf-16"}, {"utf16", C_UTF16, "utf-16"}, {"u16", C_UTF16, "utf-16"},
        {"utf_16_le", C_UTF16LE, "utf-16-le"}, {"utf_16le", C_UTF16LE, "utf-16-le"},
        {"unicodelittleunmarked", C_UTF16LE, "utf-16-le"},
        {"utf_16_be", C_UTF16BE, "utf-16-be"}, {"utf_16be", C_UTF16BE, "utf-16-be"},
        {"unicodebigunmarked", C_UTF16BE, "utf-16-be"},
        {"utf_32", C_UTF32, "utf-32"}, {"utf32", C_UTF32, "utf-32"}, {"u32", C_UTF32, "utf-32"},
        {"utf_32_le", C_UTF32LE, "utf-32-le"}, {"utf_32le", C_UTF32LE, "utf-32-le"},
        {"utf_32_be", C_UTF32BE, "utf-32-be"}, {"utf_32be", C_UTF32BE, "utf-32-be"},
    };
    for (size_t i = 0; i < sizeof table / sizeof table[0]; i++)
        if (strcmp(norm, table[i].alias) == 0) {
            if (canon)
                *canon = table[i].canon;
            return table[i].c;
        }
    return C_NONE;
}

const char *str_codec_builtin(const char *encoding)
{
    const char *canon = NULL;
    return codec_lookup(encoding, &canon) == C_NONE ? NULL : canon;
}

/* ---- error handlers ------------------------------------------------------ */

enum handler { H_STRICT, H_IGNORE, H_REPLACE, H_SURROGATEESCAPE, H_SURROGATEPASS,
               H_BACKSLASHREPLACE, H_XMLCHARREFREPLACE, H_NAMEREPLACE, H_UNKNOWN };

static enum handler handler_of(const char *errors)
{
    if (!errors || !strcmp(errors, "strict")) return H_STRICT;
    if (!strcmp(errors, "ignore")) return H_IGNORE;
    if (!strcmp(errors, "replace")) return H_REPLACE;
    if (!strcmp(errors, "surrogateescape")) return H_SURROGATEESCAPE;
    if (!strcmp(errors, "surrogatepass")) return H_SURROGATEPASS;
    if (!strcmp(errors, "backslashreplace")) return H_BACKSLASHREPLACE;
    if (!strcmp(errors, "xmlcharrefreplace")) return H_XMLCHARREFREPLACE;
    if (!strcmp(errors, "namereplace")) return H_NAMEREPLACE;
    return H_UNKNOWN;
}

static void unknown_handler(const char *errors)
{
    AdErr_Format(AdExc_LookupError, "unknown error handler name '%.400s'", errors);
}

void str_raise_decode_error(const char *encoding, const char *data, Ad_ssize_t len,
                            Ad_ssize_t start, Ad_ssize_t end, const char *reason)
{
    AdObject *b = AdBytes_FromStringAndSize(data, len);
    if (!b)
        return;
    AdObject *args = AdTuple_New(5);
    if (!args) {
        Ad_DECREF(b);
        return;
    }
    AdObject *e = AdStr_FromString(encoding), *s = AdInt_FromSsize_t(start),
             *t = AdInt_FromSsize_t(end), *r = AdStr_FromString(reason);
    AdTuple_SET_ITEM(args, 0, e);
    AdTuple_SET_ITEM(args, 1, b);
    AdTuple_SET_ITEM(args, 2, s);
    AdTuple_SET_ITEM(args, 3, t);
    AdTuple_SET_ITEM(args, 4, r);
    if (!e || !s || !t || !r) {
        Ad_DECREF(args);
        return;
    }
    str_raise_with_args(AdExc_UnicodeDecodeError, args);
}

void str_raise_encode_error(const char *encoding, AdObject *str,
                            Ad_ssize_t start, Ad_ssize_t end, const char *reason)
{
    AdObject *args = AdTuple_New(5);
    if (!args)
        return;
    AdObject *e = AdStr_FromString(encoding), *s = AdInt_FromSsize_t(start),
             *t = AdInt_FromSsize_t(end), *r = AdStr_FromString(reason);
    AdTuple_SET_ITEM(args, 0, e);
    AdTuple_SET_ITEM(args, 1, Ad_NewRef(str));
    AdTuple_SET_ITEM(args, 2, s);
    AdTuple_SET_ITEM(args, 3, t);
    AdTuple_SET_ITEM(args, 4, r);
    if (!e || !s || !t || !r) {
        Ad_DECREF(args);
        return;
    }
    str_raise_with_args(AdExc_UnicodeEncodeError, args);
}

/* ---- decoding ------------------------------------------------------------ */

typedef struct {
    const char *encoding;       /* for error messages */
    const unsigned char *data;
    Ad_ssize_t len;
    enum handler h;
    const char *errors;
    AdStrWriter w;
} decoder;

/* Handles the undecodable bytes [start, end). Returns 0 to go on at end,
 * 1 when the surrogatepass handler should be tried by the caller, -1 with
 * an exception. */
static int decode_error(decoder *d, Ad_ssize_t start, Ad_ssize_t end, const char *reason)
{
    switch (d->h) {
    case H_IGNORE:
        return 0;
    case H_REPLACE:
        return AdStrWriter_WriteChar(&d->w, 0xFFFD);
    case H_SURROGATEESCAPE:
        for (Ad_ssize_t i = start; i < end; i++)
            if (d->data[i] < 128)
                goto strict;
        for (Ad_ssize_t i = start; i < end; i++)
            if (AdStrWriter_WriteChar(&d->w, 0xDC00 + d->data[i]) < 0)
                return -1;
        return 0;
    case H_BACKSLASHREPLACE:
        for (Ad_ssize_t i = start; i < end; i++) {
            char buf[8];
            snprintf(buf, sizeof buf, "\\x%02x", d->data[i]);
            if (AdStrWriter_WriteASCII(&d->w, buf, 4) < 0)
                return -1;
        }
        return 0;
    case H_UNKNOWN:
        unknown_handler(d->errors);
        return -1;
    default:
        break;
    }
strict:
    str_raise_decode_error(d->encoding, (const char *)d->data, d->len, start, end, reason);
    return -1;
}

static AdObject *decode_finish(decoder *d)
{
    return AdStrWriter_Finish(&d->w);
}

static AdObject *decode_fail(decoder *d)
{
    AdStrWriter_Dealloc(&d->w);
    return NULL;
}

AdObject *str_decode_utf8(const char *data, Ad_ssize_t len, const char *errors, int allow_surrogates)
{
    decoder d = { "utf-8", (const unsigned char *)data, len, handler_of(errors), errors, {0} };
    AdStrWriter_Init(&d.w);
    const unsigned char *s = d.data;
    int surrogatepass = allow_surrogates || d.h == H_SURROGATEPASS;
    if (str_writer_reserve(&d.w, len) < 0)
        return NULL;
    Ad_ssize_t i = 0;
    while (i < len) {
        unsigned c = s[i];
        if (c < 0x80) {
            if (AdStrWriter_WriteChar(&d.w, c) < 0)
                return decode_fail(&d);
            i++;
            continue;
        }
        int need;
        uint32_t cp;
        unsigned lo = 0x80, hi = 0xBF;
        if (c >= 0xC2 && c <= 0xDF) { need = 1; cp = c & 0x1F; }
        else if (c >= 0xE0 && c <= 0xEF) {
            need = 2; cp = c & 0x0F;
            if (c == 0xE0) lo = 0xA0;
            else if (c == 0xED && !surrogatepass) hi = 0x9F;
        } else if (c >= 0xF0 && c <= 0xF4) {
            need = 3; cp = c & 0x07;
            if (c == 0xF0) lo = 0x90;
            else if (c == 0xF4) hi = 0x8F;
        } else {
            if (decode_error(&d, i, i + 1, "invalid start byte") < 0)
                return decode_fail(&d);
            i++;
            continue;
        }
        Ad_ssize_t k = 1;
        const char *reason = NULL;
        for (; k <= need; k++) {
            if (i + k >= len) {
                reason = "unexpected end of data";
                break;
            }
            unsigned b = s[i + k];
            if (k == 1 ? (b < lo || b > hi) : (b < 0x80 || b > 0xBF)) {
                reason = "invalid continuation byte";
                break;
            }
            cp = (cp << 6) | (b & 0x3F);
        }
        if (reason) {
            if (decode_error(&d, i, i + k, reason) < 0)
                return decode_fail(&d);
            i += k;
            continue;
        }
        if (AdStrWriter_WriteChar(&d.w, cp) < 0)
            return decode_fail(&d);
        i += need + 1;
    }
    return decode_finish(&d);
}

static AdObject *decode_latin1(const char *data, Ad_ssize_t len)
{
    return AdStr_FromKindAndData(1, data, len);
}

static AdObject *decode_ascii(const char *data, Ad_ssize_t len, const char *errors)
{
    decoder d = { "ascii", (const unsigned char *)data, len, handler_of(errors), errors, {0} };
    Ad_ssize_t i = 0;
    while (i < len && d.data[i] < 128)
        i++;
    if (i == len)
        return AdStr_FromStringAndSize(data, len);
    AdStrWriter_Init(&d.w);
    if (AdStrWriter_WriteASCII(&d.w, data, i) < 0)
        return decode_fail(&d);
    for (; i < len; i++) {
        if (d.data[i] < 128) {
            if (AdStrWriter_WriteChar(&d.w, d.data[i]) < 0)
                return decode_fail(&d);
        } else if (decode_error(&d, i, i + 1, "ordinal not in range(128)") < 0)
            return decode_fail(&d);
    }
    return decode_finish(&d);
}

/* byteorder: -1 little, 1 big, 0 detect from a BOM (default little). */
static AdObject *decode_utf16(const char *data, Ad_ssize_t len, const char *errors, int byteorder)
{
    decoder d = { "utf-16-le", (const unsigned char *)data, len, handler_of(errors), errors, {0} };
    const unsigned char *s = d.data;
    Ad_ssize_t i = 0;
    if (byteorder == 0) {
        byteorder = -1;
        if (len >= 2 && s[0] == 0xFF && s[1] == 0xFE)
            i = 2;
        else if (len >= 2 && s[0] == 0xFE && s[1] == 0xFF) {
            byteorder = 1;
            i = 2;
        }
    }
    if (byteorder > 0)
        d.encoding = "utf-16-be";
    int hiix = byteorder > 0 ? 0 : 1, loix = 1 - hiix;
    AdStrWriter_Init(&d.w);
    while (i < len) {
        if (len - i < 2) {
            if (decode_error(&d, i, len, "truncated data") < 0)
                return decode_fail(&d);
            break;
        }
        uint32_t u = (uint32_t)s[i + hiix] << 8 | s[i + loix];
        if (u < 0xD800 || u > 0xDFFF) {
            if (AdStrWriter_WriteChar(&d.w, u) < 0)
                return decode_fail(&d);
            i += 2;
            continue;
        }
        const char *reason = NULL;
        if (u >= 0xDC00)
            reason = "illegal encoding";
        else if (len - i < 4)
            reason = "unexpected end of data";
        else {
            uint32_t u2 = (uint32_t)s[i + 2 + hiix] << 8 | s[i + 2 + loix];
            if (u2 >= 0xDC00 && u2 <= 0xDFFF) {
                if (AdStrWriter_WriteChar(&d.w, 0x10000 + ((u - 0xD800) << 10) + (u2 - 0xDC00)) < 0)
                    return decode_fail(&d);
                i += 4;
                continue;
            }
            reason = "illegal UTF-16 surrogate";
        }
        if (reason && (d.h == H_SURROGATEPASS) && (len - i >= 2)) {
            if (AdStrWriter_WriteChar(&d.w, u) < 0)
                return decode_fail(&d);
            i += 2;
            continue;
        }
        if (decode_error(&d, i, i + 2, reason) < 0)
            return decode_fail(&d);
        i += 2;
    }
    return decode_finish(&d);
}

static AdObject *decode_utf32(const char *data, Ad_ssize_t len, const char *errors, int byteorder)
{
    decoder d = { "utf-32-le", (const unsigned char *)data, len, handler_of(errors), errors, {0} };
    const unsigned char *s = d.data;
    Ad_ssize_t i = 0;
    if (byteorder == 0) {
        byteorder = -1;
        if (len >= 4 && s[0] == 0xFF && s[1] == 0xFE && s[2] == 0 && s[3] == 0)
            i = 4;
        else if (len >= 4 && s[0] == 0 && s[1] == 0 && s[2] == 0xFE && s[3] == 0xFF) {
            byteorder = 1;
            i = 4;
        }
    }
    if (byteorder > 0)
        d.encoding = "utf-32-be";
    AdStrWriter_Init(&d.w);
    while (i < len) {
        if (len - i < 4) {
            if (decode_error(&d, i, len, "truncated data") < 0)
                return decode_fail(&d);
            break;
        }
        uint32_t u = byteorder > 0
            ? (uint32_t)s[i] << 24 | (uint32_t)s[i + 1] << 16 | (uint32_t)s[i + 2] << 8 | s[i + 3]
            : (uint32_t)s[i + 3] << 24 | (uint32_t)s[i + 2] << 16 | (uint32_t)s[i + 1] << 8 | s[i];
        const char *reason = NULL;
        if (u > STR_MAX_UNICODE)
            reason = "code point not in range(0x110000)";
        else if (u >= 0xD800 && u <= 0xDFFF && d.h != H_SURROGATEPASS)
            reason = "code point in surrogate code point range(0xd800, 0xe000)";
        if (reason) {
            if (decode_error(&d, i, i + 4, reason) < 0)
                return decode_fail(&d);
        } else if (AdStrWriter_WriteChar(&d.w, u) < 0)
            return decode_fail(&d);
        i += 4;
    }
    return decode_finish(&d);
}

AdObject *str_decode(const char *data, Ad_ssize_t len, const char *encoding, const char *errors)
{
    if (!encoding)
        encoding = "utf-8";
    if (!errors)
        errors = "strict";
    switch (codec_lookup(encoding, NULL)) {
    case C_UTF8: return str_decode_utf8(data, len, errors, 0);
    case C_LATIN1: return decode_latin1(data, len);
    case C_ASCII: return decode_ascii(data, len, errors);
    case C_UTF16: return decode_utf16(data, len, errors, 0);
    case C_UTF16LE: return decode_utf16(data, len, errors, -1);
    case C_UTF16BE: return decode_utf16(data, len, errors, 1);
    case C_UTF32: return decode_utf32(data, len, errors, 0);
    case C_UTF32LE: return decode_utf32(data, len, errors, -1);
    case C_UTF32BE: return decode_utf32(data, len, errors, 1);
    default:
        if (AdStr_DecodeHook)
            return AdStr_DecodeHook(data, len, encoding, errors);
        return AdErr_Format(AdExc_LookupError, "unknown encoding: %.400s", encoding);
    }
}

/* ---- encoding ------------------------------------------------------------ */

typedef struct {
    const char *encoding;
    enum codec c;
    AdObject *s;
    enum handler h;
    const char *errors;
    AdNumBuf out;
} encoder;

static int put_unit(encoder *e, uint32_t ch)
{
    unsigned char b[4];
    switch (e->c) {
    case C_UTF16LE: b[0] = ch & 0xFF; b[1] = (ch >> 8) & 0xFF;
        return AdNumBuf_Append(&e->out, (char *)b, 2);
    case C_UTF16BE: b[1] = ch & 0xFF; b[0] = (ch >> 8) & 0xFF;
        return AdNumBuf_Append(&e->out, (char *)b, 2);
    case C_UTF32LE: b[0] = ch & 0xFF; b[1] = (ch >> 8) & 0xFF; b[2] = (ch >> 16) & 0xFF; b[3] = ch >> 24;
        return AdNumBuf_Append(&e->out, (char *)b, 4);
    case C_UTF32BE: b[3] = ch & 0xFF; b[2] = (ch >> 8) & 0xFF; b[1] = (ch >> 16) & 0xFF; b[0] = ch >> 24;
        return AdNumBuf_Append(&e->out, (char *)b, 4);
    default:
        return AdNumBuf_AppendChar(&e->out, (char)ch);
    }
}

/* Writes ASCII replacement text in the target encoding. */
static int put_text(encoder *e, const char *t)
{
    for (; *t; t++)
        if (put_unit(e, (unsigned char)*t) < 0)
            return -1;
    return 0;
}

static int encode_error(encoder *e, Ad_ssize_t start, Ad_ssize_t end, const char *reason)
{
    int kind = AdStr_KIND(e->s);
    const void *d = AdStr_DATA(e->s);
    char buf[AD_UNICODE_NAME_MAX + 16];
    switch (e->h) {
    case H_IGNORE:
        return 0;
    case H_REPLACE:
        for (Ad_ssize_t i = start; i < end; i++)
            if (put_unit(e, '?') < 0)
                goto oom;
        return 0;
    case H_SURROGATEESCAPE:
        for (Ad_ssize_t i = start; i < end; i++) {
            uint32_t c = AdStr_READ(kind, d, i);
            if (c < 0xDC80 || c > 0xDCFF)
                goto strict;
        }
        for (Ad_ssize_t i = start; i < end; i++)
            if (AdNumBuf_AppendChar(&e->out, (char)(AdStr_READ(kind, d, i) - 0xDC00)) < 0)
                goto oom;
        return 0;
    case H_SURROGATEPASS:
        if (e->c == C_LATIN1 || e->c == C_ASCII)
            goto strict;
        for (Ad_ssize_t i = start; i < end; i++) {
            uint32_t c = AdStr_READ(kind, d, i);
            if (c < 0xD800 || c > 0xDFFF)
                goto strict;
        }
        for (Ad_ssize_t i = start; i < end; i++) {
            uint32_t c = AdStr_READ(kind, d, i);
            int r = e->c == C_UTF8 ? AdNumBuf_AppendCodePoint(&e->out, c) : put_unit(e, c);
            if (r < 0)
                goto oom;
        }
        return 0;
    case H_BACKSLASHREPLACE:
    case H_XMLCHARREFREPLACE:
    case H_NAMEREPLACE:
        for (Ad_ssize_t i = start; i < end; i++) {
            uint32_t c = AdStr_READ(kind, d, i);
            if (e->h == H_XMLCHARREFREPLACE)
                snprintf(buf, sizeof buf, "&#%u;", (unsigned)c);
            else {
                char name[AD_UNICODE_NAME_MAX + 1];
                if (e->h == H_NAMEREPLACE && AdUnicode_Name(c, name, sizeof name) > 0)
                    snprintf(buf, sizeof buf, "\\N{%s}", name);
                else if (c < 0x100)
                    snprintf(buf, sizeof buf, "\\x%02x", (unsigned)c);
                else if (c < 0x10000)
                    snprintf(buf, sizeof buf, "\\u%04x", (unsigned)c);
                else
                    snprintf(buf, sizeof buf, "\\U%08x", (unsigned)c);
            }
            if (put_text(e, buf) < 0)
                goto oom;
        }
        return 0;
    case H_UNKNOWN:
        unknown_handler(e->errors);
        return -1;
    default:
        break;
    }
strict:
    str_raise_encode_error(e->encoding, e->s, start, end, reason);
    return -1;
oom:
    AdErr_NoMemory();
    return -1;
}

/* Encodes into e->out; 0 or -1. */
static int encode_run(encoder *e)
{
    AdObject *s = e->s;
    int kind = AdStr_KIND(s);
    const void *d = AdStr_DATA(s);
    Ad_ssize_t n = AdStr_LENGTH(s);
    uint32_t limit = e->c == C_ASCII ? 0x80 : e->c == C_LATIN1 ? 0x100 : 0x110000;
    const char *reason = e->c == C_ASCII ? "ordinal not in range(128)"
                       : e->c == C_LATIN1 ? "ordinal not in range(256)" : "surrogates not allowed";
    if (AdNumBuf_Reserve(&e->out, (size_t)n + 1) < 0)
        goto oom;
    for (Ad_ssize_t i = 0; i < n;) {
        uint32_t c = AdStr_READ(kind, d, i);
        int bad = c >= limit || (limit == 0x110000 && c >= 0xD800 && c <= 0xDFFF);
        if (!bad) {
            int r;
            if (e->c == C_UTF8)
                r = c < 0x80 ? AdNumBuf_AppendChar(&e->out, (char)c) : AdNumBuf_AppendCodePoint(&e->out, c);
            else if ((e->c == C_UTF16LE || e->c == C_UTF16BE) && c >= 0x10000)
                r = put_unit(e, 0xD800 + ((c - 0x10000) >> 10)) < 0 ? -1
                    : put_unit(e, 0xDC00 + ((c - 0x10000) & 0x3FF));
            else
                r = put_unit(e, c);
            if (r < 0)
                goto oom;
            i++;
            continue;
        }
        Ad_ssize_t j = i + 1;
        while (j < n) {
            uint32_t c2 = AdStr_READ(kind, d, j);
            if (!(c2 >= limit || (limit == 0x110000 && c2 >= 0xD800 && c2 <= 0xDFFF)))
                break;
            j++;
        }
        if (encode_error(e, i, j, reason) < 0)
            return -1;
        i = j;
    }
    return 0;
oom:
    AdErr_NoMemory();
    return -1;
}

char *str_encode_utf8_raw(AdObject *s, const char *errors, Ad_ssize_t *outlen)
{
    encoder e = { "utf-8", C_UTF8, s, handler_of(errors), errors, {0} };
    if (encode_run(&e) < 0) {
        AdNumBuf_Free(&e.out);
        return NULL;
    }
    char *r = AdMem_Malloc(e.out.len + 1);
    if (!r) {
        AdNumBuf_Free(&e.out);
        AdErr_NoMemory();
        return NULL;
    }
    if (e.out.len)
        memcpy(r, e.out.data, e.out.len);
    r[e.out.len] = 0;
    *outlen = (Ad_ssize_t)e.out.len;
    AdNumBuf_Free(&e.out);
    return r;
}

AdObject *str_encode(AdObject *s, const char *encoding, const char *errors)
{
    if (!encoding)
        encoding = "utf-8";
    if (!errors)
        errors = "strict";
    const char *canon = NULL;
    enum codec c = codec_lookup(encoding, &canon);
    if (c == C_NONE) {
        if (AdStr_EncodeHook)
            return AdStr_EncodeHook(s, encoding, errors);
        return AdErr_Format(AdExc_LookupError, "unknown encoding: %.400s", encoding);
    }
    AdStrObject *o = (AdStrObject *)s;
    if (c == C_UTF8 && o->utf8)
        return AdBytes_FromStringAndSize(o->utf8, o->utf8_length);
    if ((c == C_LATIN1 && o->kind == 1) || (c == C_ASCII && o->ascii))
        return AdBytes_FromStringAndSize(AdStr_DATA(s), o->length);
    encoder e = { canon, c, s, handler_of(errors), errors, {0} };
    if (c == C_UTF16 || c == C_UTF32) {
        /* native (little-endian) order with a BOM */
        e.c = c == C_UTF16 ? C_UTF16LE : C_UTF32LE;
        if (put_unit(&e, 0xFEFF) < 0) {
            AdNumBuf_Free(&e.out);
            return AdErr_NoMemory();
        }
    }
    if (encode_run(&e) < 0) {
        AdNumBuf_Free(&e.out);
        return NULL;
    }
    AdObject *r = AdBytes_FromStringAndSize(e.out.data ? e.out.data : "", (Ad_ssize_t)e.out.len);
    AdNumBuf_Free(&e.out);
    return r;
}

#endif /* STR_KERNEL_READY */
