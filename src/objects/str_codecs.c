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

const char *AdStr_BuiltinCodecName(const char *encoding)
{
    return str_codec_builtin(encoding);
}

/* ---- error handlers ------------------------------------------------------ */

enum handler { H_STRICT, H_IGNORE, H_REPLACE, H_SURROGATEESCAPE, H_SURROGATEPASS,
               H_BACKSLASHREPLACE, H_XMLCHARREFREPLACE, H_NAMEREPLACE, H_UNKNOWN };

/* The built-in handler names are recognised before the registry is asked
 * (as CPython does), so re-registering "strict" does not change codecs. */
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

AdObject *(*AdStr_LookupErrorHook)(const char *name);

AdObject *AdStr_LookupErrorHandler(const char *name)
{
    if (AdStr_LookupErrorHook)
        return AdStr_LookupErrorHook(name);
    return AdErr_Format(AdExc_LookupError, "unknown error handler name '%.400s'", name);
}

/* Checks the (replacement, newpos) result of a handler; returns the
 * replacement (new ref) and the adjusted position in *newpos. */
static AdObject *handler_result(AdObject *res, Ad_ssize_t len, int encode, Ad_ssize_t *newpos)
{
    if (!res)
        return NULL;
    if (!AdTuple_Check(res) || AdTuple_GET_SIZE(res) != 2 ||
        !(AdStr_Check(AdTuple_GET_ITEM(res, 0)) || (encode && AdBytes_Check(AdTuple_GET_ITEM(res, 0)))) ||
        !AdInt_Check(AdTuple_GET_ITEM(res, 1))) {
        Ad_DECREF(res);
        AdErr_SetString(AdExc_TypeError, encode ? "encoding error handler must return (str/bytes, int) tuple"
                                                : "decoding error handler must return (str, int) tuple");
        return NULL;
    }
    Ad_ssize_t pos = AdInt_AsSsize_t(AdTuple_GET_ITEM(res, 1));
    if (pos == -1 && AdErr_Occurred()) {
        Ad_DECREF(res);
        return NULL;
    }
    if (pos < 0)
        pos += len;
    if (pos < 0 || pos > len) {
        Ad_DECREF(res);
        AdErr_Format(AdExc_IndexError, "position %zd from error handler out of bounds",
                     AdInt_AsSsize_t(AdTuple_GET_ITEM(res, 1)));
        return NULL;
    }
    *newpos = pos;
    AdObject *rep = Ad_NewRef(AdTuple_GET_ITEM(res, 0));
    Ad_DECREF(res);
    return rep;
}

static AdObject *make_unicode_error(AdObject *type, const char *encoding, AdObject *obj,
                                    Ad_ssize_t start, Ad_ssize_t end, const char *reason)
{
    AdObject *args = AdTuple_New(5);
    if (!args) {
        Ad_DECREF(obj);
        return NULL;
    }
    AdObject *e = AdStr_FromString(encoding), *s = AdInt_FromSsize_t(start),
             *t = AdInt_FromSsize_t(end), *r = AdStr_FromString(reason);
    AdTuple_SET_ITEM(args, 0, e);
    AdTuple_SET_ITEM(args, 1, obj);
    AdTuple_SET_ITEM(args, 2, s);
    AdTuple_SET_ITEM(args, 3, t);
    AdTuple_SET_ITEM(args, 4, r);
    if (!e || !s || !t || !r) {
        Ad_DECREF(args);
        return NULL;
    }
    AdObject *exc = AdObject_Call(type, args, NULL);
    Ad_DECREF(args);
    return exc;
}

AdObject *AdStr_CallDecodeErrorHandler(AdObject *handler, const char *encoding, const char *data,
                                       Ad_ssize_t len, Ad_ssize_t start, Ad_ssize_t end,
                                       const char *reason, Ad_ssize_t *newpos)
{
    AdObject *b = AdBytes_FromStringAndSize(data, len);
    if (!b)
        return NULL;
    AdObject *exc = make_unicode_error(AdExc_UnicodeDecodeError, encoding, b, start, end, reason);
    if (!exc)
        return NULL;
    AdObject *res = AdObject_CallOneArg(handler, exc);
    Ad_DECREF(exc);
    return handler_result(res, len, 0, newpos);
}

AdObject *AdStr_CallEncodeErrorHandler(AdObject *handler, const char *encoding, AdObject *str,
                                       Ad_ssize_t start, Ad_ssize_t end, const char *reason,
                                       Ad_ssize_t *newpos)
{
    AdObject *exc = make_unicode_error(AdExc_UnicodeEncodeError, encoding, Ad_NewRef(str),
                                       start, end, reason);
    if (!exc)
        return NULL;
    AdObject *res = AdObject_CallOneArg(handler, exc);
    Ad_DECREF(exc);
    return handler_result(res, AdStr_LENGTH(str), 1, newpos);
}

void str_raise_decode_error(const char *encoding, const char *data, Ad_ssize_t len,
                            Ad_ssize_t start, Ad_ssize_t end, const char *reason)
{
    AdObject *b = AdBytes_FromStringAndSize(data, len);
    if (!b)
        return;
    AdObject *exc = make_unicode_error(AdExc_UnicodeDecodeError, encoding, b, start, end, reason);
    if (exc) {
        AdErr_SetObject(AdExc_UnicodeDecodeError, exc);
        Ad_DECREF(exc);
    }
}

void str_raise_encode_error(const char *encoding, AdObject *str,
                            Ad_ssize_t start, Ad_ssize_t end, const char *reason)
{
    AdObject *exc = make_unicode_error(AdExc_UnicodeEncodeError, encoding, Ad_NewRef(str),
                                       start, end, reason);
    if (exc) {
        AdErr_SetObject(AdExc_UnicodeEncodeError, exc);
        Ad_DECREF(exc);
    }
}

/* ---- decoding ------------------------------------------------------------ */

typedef struct {
    const char *encoding;       /* for error messages */
    const unsigned char *data;
    Ad_ssize_t len;
    enum handler h;
    const char *errors;
    AdObject *handler;          /* a registered handler, once looked up (owned) */
    AdStrWriter w;
} decoder;

/* Handles the undecodable bytes [start, end); *next is where decoding
 * goes on (end, or what a registered handler says). 0 or -1. */
static int decode_error(decoder *d, Ad_ssize_t start, Ad_ssize_t end, const char *reason,
                        Ad_ssize_t *next)
{
    *next = end;
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
    case H_XMLCHARREFREPLACE:
    case H_NAMEREPLACE:
        AdErr_Format(AdExc_TypeError, "don't know how to handle UnicodeDecodeError in error callback");
        return -1;
    case H_UNKNOWN: {
        if (!d->handler && !(d->handler = AdStr_LookupErrorHandler(d->errors)))
            return -1;
        AdObject *rep = AdStr_CallDecodeErrorHandler(d->handler, d->encoding, (const char *)d->data,
                                                     d->len, start, end, reason, next);
        if (!rep)
            return -1;
        int r = AdStrWriter_WriteStr(&d->w, rep);
        Ad_DECREF(rep);
        return r;
    }
    default:
        break;
    }
strict:
    str_raise_decode_error(d->encoding, (const char *)d->data, d->len, start, end, reason);
    return -1;
}

static void decoder_init(decoder *d, const char *encoding, const char *data, Ad_ssize_t len,
                         const char *errors)
{
    d->encoding = encoding;
    d->data = (const unsigned char *)data;
    d->len = len;
    d->h = handler_of(errors);
    d->errors = errors ? errors : "strict";
    d->handler = NULL;
    AdStrWriter_Init(&d->w);
}

static AdObject *decode_finish(decoder *d)
{
    Ad_XDECREF(d->handler);
    return AdStrWriter_Finish(&d->w);
}

static AdObject *decode_fail(decoder *d)
{
    Ad_XDECREF(d->handler);
    AdStrWriter_Dealloc(&d->w);
    return NULL;
}

AdObject *AdStr_DecodeUTF8Stateful(const char *data, Ad_ssize_t len, const char *errors,
                                   int final, Ad_ssize_t *consumed)
{
    decoder d;
    decoder_init(&d, "utf-8", data, len, errors);
    const unsigned char *s = d.data;
    int surrogatepass = d.h == H_SURROGATEPASS;
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
            if (decode_error(&d, i, i + 1, "invalid start byte", &i) < 0)
                return decode_fail(&d);
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
            if (!final && i + k >= len)
                break;              /* an incomplete sequence waits for more data */
            if (surrogatepass && c == 0xED && k >= 2 && s[i + 1] > 0x9F) {
                /* not an encoded surrogate after all: report what strict
                 * decoding sees, the byte after 0xED */
                reason = "invalid continuation byte";
                k = 1;
            }
            if (decode_error(&d, i, i + k, reason, &i) < 0)
                return decode_fail(&d);
            continue;
        }
        if (AdStrWriter_WriteChar(&d.w, cp) < 0)
            return decode_fail(&d);
        i += need + 1;
    }
    if (consumed)
        *consumed = i;
    return decode_finish(&d);
}

AdObject *str_decode_utf8(const char *data, Ad_ssize_t len, const char *errors, int allow_surrogates)
{
    if (allow_surrogates && (!errors || !strcmp(errors, "strict")))
        errors = "surrogatepass";
    return AdStr_DecodeUTF8Stateful(data, len, errors, 1, NULL);
}

AdObject *AdStr_DecodeLatin1(const char *data, Ad_ssize_t len, const char *errors)
{
    (void)errors;
    return AdStr_FromKindAndData(1, data, len);
}

AdObject *AdStr_DecodeASCII(const char *data, Ad_ssize_t len, const char *errors)
{
    Ad_ssize_t i = 0;
    const unsigned char *s = (const unsigned char *)data;
    while (i < len && s[i] < 128)
        i++;
    if (i == len)
        return AdStr_FromStringAndSize(data, len);
    decoder d;
    decoder_init(&d, "ascii", data, len, errors);
    if (AdStrWriter_WriteASCII(&d.w, data, i) < 0)
        return decode_fail(&d);
    while (i < len) {
        if (s[i] < 128) {
            if (AdStrWriter_WriteChar(&d.w, s[i]) < 0)
                return decode_fail(&d);
            i++;
        } else if (decode_error(&d, i, i + 1, "ordinal not in range(128)", &i) < 0)
            return decode_fail(&d);
    }
    return decode_finish(&d);
}

/* *byteorder: -1 little, 1 big, 0 detect from a BOM (little without one;
 * a BOM found is reported back in *byteorder). */
AdObject *AdStr_DecodeUTF16Stateful(const char *data, Ad_ssize_t len, const char *errors,
                                    int *byteorder, int final, Ad_ssize_t *consumed)
{
    decoder d;
    decoder_init(&d, "utf-16-le", data, len, errors);
    const unsigned char *s = d.data;
    Ad_ssize_t i = 0;
    int bo = byteorder ? *byteorder : 0;
    if (bo == 0 && len >= 2) {
        if (s[0] == 0xFF && s[1] == 0xFE) {
            bo = -1;
            i = 2;
        } else if (s[0] == 0xFE && s[1] == 0xFF) {
            bo = 1;
            i = 2;
        }
        if (byteorder)
            *byteorder = bo;
    }
    if (bo > 0)
        d.encoding = "utf-16-be";
    int hiix = bo > 0 ? 0 : 1, loix = 1 - hiix;
    while (i < len) {
        if (len - i < 2) {
            if (!final)
                break;
            if (decode_error(&d, i, len, "truncated data", &i) < 0)
                return decode_fail(&d);
            continue;
        }
        uint32_t u = (uint32_t)s[i + hiix] << 8 | s[i + loix];
        if (u < 0xD800 || u > 0xDFFF) {
            if (AdStrWriter_WriteChar(&d.w, u) < 0)
                return decode_fail(&d);
            i += 2;
            continue;
        }
        const char *reason = NULL;
        Ad_ssize_t end = i + 2;
        if (u >= 0xDC00)
            reason = "illegal encoding";
        else if (len - i < 4) {
            if (!final)
                break;
            reason = "unexpected end of data";
            end = len;
        } else {
            uint32_t u2 = (uint32_t)s[i + 2 + hiix] << 8 | s[i + 2 + loix];
            if (u2 >= 0xDC00 && u2 <= 0xDFFF) {
                if (AdStrWriter_WriteChar(&d.w, 0x10000 + ((u - 0xD800) << 10) + (u2 - 0xDC00)) < 0)
                    return decode_fail(&d);
                i += 4;
                continue;
            }
            reason = "illegal UTF-16 surrogate";
        }
        if (d.h == H_SURROGATEPASS) {
            if (AdStrWriter_WriteChar(&d.w, u) < 0)
                return decode_fail(&d);
            i += 2;
            continue;
        }
        if (decode_error(&d, i, end, reason, &i) < 0)
            return decode_fail(&d);
    }
    if (consumed)
        *consumed = i;
    return decode_finish(&d);
}

AdObject *AdStr_DecodeUTF32Stateful(const char *data, Ad_ssize_t len, const char *errors,
                                    int *byteorder, int final, Ad_ssize_t *consumed)
{
    decoder d;
    decoder_init(&d, "utf-32-le", data, len, errors);
    const unsigned char *s = d.data;
    Ad_ssize_t i = 0;
    int bo = byteorder ? *byteorder : 0;
    if (bo == 0 && len >= 4) {
        if (s[0] == 0xFF && s[1] == 0xFE && s[2] == 0 && s[3] == 0) {
            bo = -1;
            i = 4;
        } else if (s[0] == 0 && s[1] == 0 && s[2] == 0xFE && s[3] == 0xFF) {
            bo = 1;
            i = 4;
        }
        if (byteorder)
            *byteorder = bo;
    }
    if (bo > 0)
        d.encoding = "utf-32-be";
    while (i < len) {
        if (len - i < 4) {
            if (!final)
                break;
            if (decode_error(&d, i, len, "truncated data", &i) < 0)
                return decode_fail(&d);
            continue;
        }
        uint32_t u = bo > 0
            ? (uint32_t)s[i] << 24 | (uint32_t)s[i + 1] << 16 | (uint32_t)s[i + 2] << 8 | s[i + 3]
            : (uint32_t)s[i + 3] << 24 | (uint32_t)s[i + 2] << 16 | (uint32_t)s[i + 1] << 8 | s[i];
        const char *reason = NULL;
        if (u > STR_MAX_UNICODE)
            reason = "code point not in range(0x110000)";
        else if (u >= 0xD800 && u <= 0xDFFF && d.h != H_SURROGATEPASS)
            reason = "code point in surrogate code point range(0xd800, 0xe000)";
        if (reason) {
            if (decode_error(&d, i, i + 4, reason, &i) < 0)
                return decode_fail(&d);
            continue;
        }
        if (AdStrWriter_WriteChar(&d.w, u) < 0)
            return decode_fail(&d);
        i += 4;
    }
    if (consumed)
        *consumed = i;
    return decode_finish(&d);
}

AdObject *str_decode(const char *data, Ad_ssize_t len, const char *encoding, const char *errors)
{
    if (!encoding)
        encoding = "utf-8";
    int bo;
    switch (codec_lookup(encoding, NULL)) {
    case C_UTF8: return AdStr_DecodeUTF8Stateful(data, len, errors, 1, NULL);
    case C_LATIN1: return AdStr_DecodeLatin1(data, len, errors);
    case C_ASCII: return AdStr_DecodeASCII(data, len, errors);
    case C_UTF16: bo = 0; return AdStr_DecodeUTF16Stateful(data, len, errors, &bo, 1, NULL);
    case C_UTF16LE: bo = -1; return AdStr_DecodeUTF16Stateful(data, len, errors, &bo, 1, NULL);
    case C_UTF16BE: bo = 1; return AdStr_DecodeUTF16Stateful(data, len, errors, &bo, 1, NULL);
    case C_UTF32: bo = 0; return AdStr_DecodeUTF32Stateful(data, len, errors, &bo, 1, NULL);
    case C_UTF32LE: bo = -1; return AdStr_DecodeUTF32Stateful(data, len, errors, &bo, 1, NULL);
    case C_UTF32BE: bo = 1; return AdStr_DecodeUTF32Stateful(data, len, errors, &bo, 1, NULL);
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
    AdObject *handler;          /* a registered handler, once looked up (owned) */
    AdNumBuf out;
} encoder;

static void encoder_init(encoder *e, const char *encoding, enum codec c, AdObject *s, const char *errors)
{
    e->encoding = encoding;
    e->c = c;
    e->s = s;
    e->h = handler_of(errors);
    e->errors = errors ? errors : "strict";
    e->handler = NULL;
    memset(&e->out, 0, sizeof e->out);
}

static void encoder_free(encoder *e)
{
    Ad_XDECREF(e->handler);
    AdNumBuf_Free(&e->out);
}

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

/* A registered handler's replacement: bytes go out as they are, a str must
 * be encodable as it is (Latin-1 range for latin-1, ASCII otherwise). */
static int encode_custom(encoder *e, Ad_ssize_t start, Ad_ssize_t end, const char *reason,
                         Ad_ssize_t *next)
{
    if (!e->handler && !(e->handler = AdStr_LookupErrorHandler(e->errors)))
        return -1;
    AdObject *rep = AdStr_CallEncodeErrorHandler(e->handler, e->encoding, e->s, start, end, reason, next);
    if (!rep)
        return -1;
    int r = 0;
    if (AdBytes_Check(rep)) {
        if (AdNumBuf_Append(&e->out, AdBytes_AS_STRING(rep), (size_t)AdBytes_GET_SIZE(rep)) < 0) {
            AdErr_NoMemory();
            r = -1;
        }
    } else {
        uint32_t limit = e->c == C_LATIN1 ? 0x100 : 0x80;
        Ad_ssize_t n = AdStr_LENGTH(rep);
        for (Ad_ssize_t i = 0; i < n && r == 0; i++)
            if (AdStr_READ_CHAR(rep, i) >= limit) {
                str_raise_encode_error(e->encoding, e->s, start, end, reason);
                r = -1;
            }
        for (Ad_ssize_t i = 0; i < n && r == 0; i++)
            if (put_unit(e, AdStr_READ_CHAR(rep, i)) < 0) {
                AdErr_NoMemory();
                r = -1;
            }
    }
    Ad_DECREF(rep);
    return r;
}

static int encode_error(encoder *e, Ad_ssize_t start, Ad_ssize_t end, const char *reason,
                        Ad_ssize_t *next)
{
    int kind = AdStr_KIND(e->s);
    const void *d = AdStr_DATA(e->s);
    char buf[AD_UNICODE_NAME_MAX + 16];
    *next = end;
    switch (e->h) {
    case H_IGNORE:
        return 0;
    case H_REPLACE:
        for (Ad_ssize_t i = start; i < end; i++)
            if (put_unit(e, '?') < 0)
                goto oom;
        return 0;
    case H_SURROGATEESCAPE:
        if (e->c != C_UTF8 && e->c != C_LATIN1 && e->c != C_ASCII)
            goto strict;        /* single bytes do not fit UTF-16/32 units */
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
        return encode_custom(e, start, end, reason, next);
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
        /* UTF-16 and UTF-32 report one character at a time */
        while (j < n && e->c != C_UTF16LE && e->c != C_UTF16BE && e->c != C_UTF32LE && e->c != C_UTF32BE) {
            uint32_t c2 = AdStr_READ(kind, d, j);
            if (!(c2 >= limit || (limit == 0x110000 && c2 >= 0xD800 && c2 <= 0xDFFF)))
                break;
            j++;
        }
        if (encode_error(e, i, j, reason, &i) < 0)
            return -1;
    }
    return 0;
oom:
    AdErr_NoMemory();
    return -1;
}

char *str_encode_utf8_raw(AdObject *s, const char *errors, Ad_ssize_t *outlen)
{
    encoder e;
    encoder_init(&e, "utf-8", C_UTF8, s, errors);
    if (encode_run(&e) < 0) {
        encoder_free(&e);
        return NULL;
    }
    char *r = AdMem_Malloc(e.out.len + 1);
    if (!r) {
        encoder_free(&e);
        AdErr_NoMemory();
        return NULL;
    }
    if (e.out.len)
        memcpy(r, e.out.data, e.out.len);
    r[e.out.len] = 0;
    *outlen = (Ad_ssize_t)e.out.len;
    encoder_free(&e);
    return r;
}

/* Encodes s with codec c; bom writes a byte-order mark first. */
static AdObject *encode_with(AdObject *s, enum codec c, const char *canon, const char *errors, int bom)
{
    AdStrObject *o = (AdStrObject *)s;
    if (c == C_UTF8 && o->utf8)
        return AdBytes_FromStringAndSize(o->utf8, o->utf8_length);
    if ((c == C_LATIN1 && o->kind == 1) || (c == C_ASCII && o->ascii))
        return AdBytes_FromStringAndSize(AdStr_DATA(s), o->length);
    encoder e;
    encoder_init(&e, canon, c, s, errors);
    if (bom && put_unit(&e, 0xFEFF) < 0) {
        encoder_free(&e);
        return AdErr_NoMemory();
    }
    if (encode_run(&e) < 0) {
        encoder_free(&e);
        return NULL;
    }
    AdObject *r = AdBytes_FromStringAndSize(e.out.data ? e.out.data : "", (Ad_ssize_t)e.out.len);
    encoder_free(&e);
    return r;
}

AdObject *AdStr_EncodeUTF8(AdObject *s, const char *errors)
{
    return encode_with(s, C_UTF8, "utf-8", errors, 0);
}

AdObject *AdStr_EncodeLatin1(AdObject *s, const char *errors)
{
    return encode_with(s, C_LATIN1, "latin-1", errors, 0);
}

AdObject *AdStr_EncodeASCII(AdObject *s, const char *errors)
{
    return encode_with(s, C_ASCII, "ascii", errors, 0);
}

/* byteorder: 0 native (little) order with a BOM, -1 little, 1 big. */
AdObject *AdStr_EncodeUTF16(AdObject *s, const char *errors, int byteorder)
{
    return encode_with(s, byteorder > 0 ? C_UTF16BE : C_UTF16LE,
                       byteorder > 0 ? "utf-16-be" : byteorder < 0 ? "utf-16-le" : "utf-16",
                       errors, byteorder == 0);
}

AdObject *AdStr_EncodeUTF32(AdObject *s, const char *errors, int byteorder)
{
    return encode_with(s, byteorder > 0 ? C_UTF32BE : C_UTF32LE,
                       byteorder > 0 ? "utf-32-be" : byteorder < 0 ? "utf-32-le" : "utf-32",
                       errors, byteorder == 0);
}

AdObject *str_encode(AdObject *s, const char *encoding, const char *errors)
{
    if (!encoding)
        encoding = "utf-8";
    const char *canon = NULL;
    enum codec c = codec_lookup(encoding, &canon);
    switch (c) {
    case C_NONE:
        if (AdStr_EncodeHook)
            return AdStr_EncodeHook(s, encoding, errors);
        return AdErr_Format(AdExc_LookupError, "unknown encoding: %.400s", encoding);
    case C_UTF16: return AdStr_EncodeUTF16(s, errors, 0);
    case C_UTF32: return AdStr_EncodeUTF32(s, errors, 0);
    default: return encode_with(s, c, canon, errors, 0);
    }
}

#endif /* STR_KERNEL_READY */
