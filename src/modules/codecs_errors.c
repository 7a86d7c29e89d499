/* codecs_errors.c: the built-in error handlers as Python callables
 * (codecs.strict_errors, ignore_errors, replace_errors,
 * xmlcharrefreplace_errors, backslashreplace_errors, namereplace_errors,
 * surrogateescape, surrogatepass), which lookup_error returns and
 * user handlers may delegate to, and the decoding-error helper of the
 * codecs implemented in this room. */
#include "modules/codecs_internal.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "objects/bytes.h"
#include "objects/descr.h"
#include "objects/dict.h"
#include "objects/errors.h"
#include "objects/exceptions.h"
#include "objects/int.h"
#include "objects/str.h"
#include "objects/tuple.h"
#include "objects/typeobject.h"
#include "unicode/unicode_db.h"

enum { K_DECODE, K_ENCODE, K_TRANSLATE, K_OTHER };

static int exc_kind(AdObject *exc)
{
    if (AdObject_TypeCheck(exc, (AdTypeObject *)AdExc_UnicodeEncodeError))
        return K_ENCODE;
    if (AdObject_TypeCheck(exc, (AdTypeObject *)AdExc_UnicodeDecodeError))
        return K_DECODE;
    if (AdObject_TypeCheck(exc, (AdTypeObject *)AdExc_UnicodeTranslateError))
        return K_TRANSLATE;
    return K_OTHER;
}

static AdObject *wrong_exception(AdObject *exc)
{
    return AdErr_Format(AdExc_TypeError, "don't know how to handle %.200s in error callback",
                        AdType_Name(AD_TYPE(exc)));
}

/* exc.object (new ref, checked: str for encode/translate, bytes for
 * decode) and exc.start/exc.end clamped as CPython's accessors do. */
static AdObject *exc_fields(AdObject *exc, int kind, Ad_ssize_t *start, Ad_ssize_t *end)
{
    AdObject *obj = AdObject_GetAttrString(exc, "object");
    if (!obj)
        return NULL;
    if (kind == K_DECODE ? !AdBytes_Check(obj) : !AdStr_Check(obj)) {
        AdErr_Format(AdExc_TypeError, "%s attribute must be %s", "object", kind == K_DECODE ? "bytes" : "unicode");
        Ad_DECREF(obj);
        return NULL;
    }
    Ad_ssize_t len = kind == K_DECODE ? AdBytes_GET_SIZE(obj) : AdStr_LENGTH(obj);
    Ad_ssize_t v[2];
    const char *names[2] = {"start", "end"};
    for (int i = 0; i < 2; i++) {
        AdObject *o = AdObject_GetAttrString(exc, names[i]);
        if (!o) {
            Ad_DECREF(obj);
            return NULL;
        }
        v[i] = AdInt_AsSsize_t(o);
        Ad_DECREF(o);
        if (v[i] == -1 && AdErr_Occurred()) {
            Ad_DECREF(obj);
            return NULL;
        }
    }
    if (v[0] < 0)
        v[0] = 0;
    if (v[0] >= len)
        v[0] = len == 0 ? 0 : len - 1;
    if (v[1] < 1)
        v[1] = 1;
    if (v[1] > len)
        v[1] = len;
    *start = v[0];
    *end = v[1];
    return obj;
}

static AdObject *result(AdObject *rep, Ad_ssize_t pos)
{
    if (!rep)
        return NULL;
    AdObject *p = AdInt_FromSsize_t(pos);
    if (!p) {
        Ad_DECREF(rep);
        return NULL;
    }
    AdObject *t = AdTuple_New(2);
    if (!t) {
        Ad_DECREF(rep);
        Ad_DECREF(p);
        return NULL;
    }
    AdTuple_SET_ITEM(t, 0, rep);
    AdTuple_SET_ITEM(t, 1, p);
    return t;
}

static AdObject *raise_it(AdObject *exc)
{
    AdErr_SetObject((AdObject *)AD_TYPE(exc), exc);
    return NULL;
}

static AdObject *h_strict(AdObject *self, AdObject *exc)
{
    (void)self;
    if (AdExceptionInstance_Check(exc))
        return raise_it(exc);
    AdErr_SetString(AdExc_TypeError, "codec must pass exception instance");
    return NULL;
}

static AdObject *h_ignore(AdObject *self, AdObject *exc)
{
    (void)self;
    int kind = exc_kind(exc);
    if (kind == K_OTHER)
        return wrong_exception(exc);
    AdObject *o = AdObject_GetAttrString(exc, "end");
    if (!o)
        return NULL;
    Ad_ssize_t end = AdInt_AsSsize_t(o);
    Ad_DECREF(o);
    if (end == -1 && AdErr_Occurred())
        return NULL;
    return result(AdStr_FromString(""), end);
}

static AdObject *h_replace(AdObject *self, AdObject *exc)
{
    (void)self;
    int kind = exc_kind(exc);
    if (kind == K_OTHER)
        return wrong_exception(exc);
    Ad_ssize_t start, end;
    AdObject *obj = exc_fields(exc, kind, &start, &end);
    if (!obj)
        return NULL;
    Ad_DECREF(obj);
    AdStrWriter w;
    AdStrWriter_Init(&w);
    Ad_ssize_t n = kind == K_DECODE ? 1 : end - start;
    for (Ad_ssize_t i = 0; i < n; i++)
        if (AdStrWriter_WriteChar(&w, kind == K_ENCODE ? '?' : 0xFFFD) < 0) {
            AdStrWriter_Dealloc(&w);
            return NULL;
        }
    return result(AdStrWriter_Finish(&w), end);
}

/* The escapes of backslashreplace/namereplace/xmlcharrefreplace for the
 * characters [start, end) of a str. */
static AdObject *escape_chars(AdObject *obj, Ad_ssize_t start, Ad_ssize_t end, int style)
{
    AdStrWriter w;
    AdStrWriter_Init(&w);
    char buf[AD_UNICODE_NAME_MAX + 16];
    for (Ad_ssize_t i = start; i < end; i++) {
        uint32_t c = AdStr_READ_CHAR(obj, i);
        char name[AD_UNICODE_NAME_MAX + 1];
        if (style == 'x')
            snprintf(buf, sizeof buf, "&#%u;", (unsigned)c);
        else if (style == 'n' && AdUnicode_Name(c, name, sizeof name) > 0)
            snprintf(buf, sizeof buf, "\\N{%s}", name);
        else if (c < 0x100)
            snprintf(buf, sizeof buf, "\\x%02x", (unsigned)c);
        else if (c < 0x10000)
            snprintf(buf, sizeof buf, "\\u%04x", (unsigned)c);
        else
            snprintf(buf, sizeof buf, "\\U%08x", (unsigned)c);
        if (AdStrWriter_WriteASCII(&w, buf, (Ad_ssize_t)strlen(buf)) < 0) {
            AdStrWriter_Dealloc(&w);
            return NULL;
        }
    }
    return AdStrWriter_Finish(&w);
}

static AdObject *escaping(AdObject *exc, int style)
{
    int kind = exc_kind(exc);
    if (kind == K_OTHER || (style != 'b' && kind != K_ENCODE))
        return wrong_exception(exc);
    Ad_ssize_t start, end;
    AdObject *obj = exc_fields(exc, kind, &start, &end);
    if (!obj)
        return NULL;
    AdObject *rep;
    if (kind == K_DECODE) {
        AdStrWriter w;
        AdStrWriter_Init(&w);
        rep = NULL;
        const unsigned char *d = (const unsigned char *)AdBytes_AS_STRING(obj);
        int ok = 1;
        for (Ad_ssize_t i = start; i < end && ok; i++) {
            char buf[8];
            snprintf(buf, sizeof buf, "\\x%02x", d[i]);
            ok = AdStrWriter_WriteASCII(&w, buf, 4) == 0;
        }
        if (ok)
            rep = AdStrWriter_Finish(&w);
        else
            AdStrWriter_Dealloc(&w);
    } else
        rep = escape_chars(obj, start, end, style);
    Ad_DECREF(obj);
    return result(rep, end);
}

static AdObject *h_xmlcharrefreplace(AdObject *self, AdObject *exc)
{
    (void)self;
    return escaping(exc, 'x');
}

static AdObject *h_backslashreplace(AdObject *self, AdObject *exc)
{
    (void)self;
    return escaping(exc, 'b');
}

static AdObject *h_namereplace(AdObject *self, AdObject *exc)
{
    (void)self;
    return escaping(exc, 'n');
}

static AdObject *h_surrogateescape(AdObject *self, AdObject *exc)
{
    (void)self;
    int kind = exc_kind(exc);
    if (kind != K_ENCODE && kind != K_DECODE)
        return wrong_exception(exc);
    Ad_ssize_t start, end;
    AdObject *obj = exc_fields(exc, kind, &start, &end);
    if (!obj)
        return NULL;
    AdObject *rep = NULL;
    if (kind == K_ENCODE) {
        char *buf = malloc((size_t)(end - start) + 1);
        if (!buf) {
            Ad_DECREF(obj);
            return AdErr_NoMemory();
        }
        for (Ad_ssize_t i = start; i < end; i++) {
            uint32_t c = AdStr_READ_CHAR(obj, i);
            if (c < 0xDC80 || c > 0xDCFF) {
                free(buf);
                Ad_DECREF(obj);
                return raise_it(exc);
            }
            buf[i - start] = (char)(c - 0xDC00);
        }
        rep = AdBytes_FromStringAndSize(buf, end - start);
        free(buf);
        Ad_DECREF(obj);
        return result(rep, end);
    }
    const unsigned char *d = (const unsigned char *)AdBytes_AS_STRING(obj);
    uint32_t cps[4];
    Ad_ssize_t k = 0;
    while (k < 4 && start + k < end && d[start + k] >= 128) {
        cps[k] = 0xDC00 + d[start + k];
        k++;
    }
    Ad_DECREF(obj);
    if (k == 0)
        return raise_it(exc);
    return result(AdStr_FromUCS4(cps, k), start + k);
}

/* The encodings surrogatepass knows: unit size and byte order. */
static int surrogatepass_encoding(AdObject *exc, int *size, int *big)
{
    AdObject *e = AdObject_GetAttrString(exc, "encoding");
    if (!e)
        return -1;
    const char *name = AdStr_Check(e) ? AdStr_AsUTF8(e) : NULL;
    if (!name) {
        Ad_DECREF(e);
        if (!AdErr_Occurred())
            AdErr_SetString(AdExc_TypeError, "encoding must be a str");
        return -1;
    }
    char low[32];
    size_t n = strlen(name);
    if (n >= sizeof low)
        n = sizeof low - 1;
    for (size_t i = 0; i < n; i++)
        low[i] = (char)(name[i] >= 'A' && name[i] <= 'Z' ? name[i] + 32 : name[i]);
    low[n] = 0;
    Ad_DECREF(e);
    *big = 0;
    *size = 0;
    if (!strcmp(low, "utf-8") || !strcmp(low, "utf8"))
        *size = 1;
    else if (!strncmp(low, "utf-16", 6) || !strncmp(low, "utf-32", 6)) {
        const char *rest = low + 6;
        if (!*rest || !strcmp(rest, "-le") || !strcmp(rest, "le") || !strcmp(rest, "-be") || !strcmp(rest, "be")) {
            *size = low[4] == '1' ? 2 : 4;
            *big = strstr(rest, "be") != NULL;
        }
    }
    return 0;
}

static AdObject *h_surrogatepass(AdObject *self, AdObject *exc)
{
    (void)self;
    int kind = exc_kind(exc);
    if (kind != K_ENCODE && kind != K_DECODE)
        return wrong_exception(exc);
    Ad_ssize_t start, end;
    AdObject *obj = exc_fields(exc, kind, &start, &end);
    if (!obj)
        return NULL;
    int size, big;
    if (surrogatepass_encoding(exc, &size, &big) < 0) {
        Ad_DECREF(obj);
        return NULL;
    }
    if (size == 0) {
        Ad_DECREF(obj);
        return raise_it(exc);
    }
    if (kind == K_ENCODE) {
        unsigned char *buf = malloc((size_t)(end - start) * 4 + 1), *p = buf;
        if (!buf) {
            Ad_DECREF(obj);
            return AdErr_NoMemory();
        }
        for (Ad_ssize_t i = start; i < end; i++) {
            uint32_t c = AdStr_READ_CHAR(obj, i);
            if (c < 0xD800 || c > 0xDFFF) {
                free(buf);
                Ad_DECREF(obj);
                return raise_it(exc);
            }
            if (size == 1) {
                *p++ = (unsigned char)(0xE0 | (c >> 12));
                *p++ = (unsigned char)(0x80 | ((c >> 6) & 0x3F));
                *p++ = (unsigned char)(0x80 | (c & 0x3F));
            } else {
                for (int b = 0; b < size; b++) {
                    int shift = big ? 8 * (size - 1 - b) : 8 * b;
                    *p++ = (unsigned char)((c >> shift) & 0xFF);
                }
            }
        }
        AdObject *rep = AdBytes_FromStringAndSize((char *)buf, (Ad_ssize_t)(p - buf));
        free(buf);
        Ad_DECREF(obj);
        return result(rep, end);
    }
    const unsigned char *d = (const unsigned char *)AdBytes_AS_STRING(obj);
    Ad_ssize_t len = AdBytes_GET_SIZE(obj), need = size == 1 ? 3 : size;
    uint32_t c = 0;
    if (start + need <= len) {
        if (size == 1) {
            if ((d[start] & 0xF0) == 0xE0 && (d[start + 1] & 0xC0) == 0x80 && (d[start + 2] & 0xC0) == 0x80)
                c = ((uint32_t)(d[start] & 0x0F) << 12) | ((uint32_t)(d[start + 1] & 0x3F) << 6) |
                    (d[start + 2] & 0x3F);
        } else
            for (int b = 0; b < size; b++)
                c |= (uint32_t)d[start + b] << (big ? 8 * (size - 1 - b) : 8 * b);
    }
    Ad_DECREF(obj);
    if (c < 0xD800 || c > 0xDFFF)
        return raise_it(exc);
    return result(AdStr_FromOrdinal(c), start + need);
}

#define FN(f) ((void (*)(void))(f))
static AdMethodDef handler_defs[] = {
    {"strict_errors", FN(h_strict), AD_METH_O,
     "Implements the 'strict' error handling, which raises a UnicodeError on coding errors."},
    {"ignore_errors", FN(h_ignore), AD_METH_O,
     "Implements the 'ignore' error handling, which ignores malformed data and continues."},
    {"replace_errors", FN(h_replace), AD_METH_O,
     "Implements the 'replace' error handling, which replaces malformed data with a replacement marker."},
    {"xmlcharrefreplace_errors", FN(h_xmlcharrefreplace), AD_METH_O,
     "Implements the 'xmlcharrefreplace' error handling, which replaces an unencodable character with the appropriate XML character reference."},
    {"backslashreplace_errors", FN(h_backslashreplace), AD_METH_O,
     "Implements the 'backslashreplace' error handling, which replaces malformed data with a backslashed escape sequence."},
    {"namereplace_errors", FN(h_namereplace), AD_METH_O,
     "Implements the 'namereplace' error handling, which replaces an unencodable character with a \\N{...} escape sequence."},
    {"surrogateescape", FN(h_surrogateescape), AD_METH_O, NULL},
    {"surrogatepass", FN(h_surrogatepass), AD_METH_O, NULL},
    {NULL, NULL, 0, NULL},
};
static const char *const handler_names[] = {
    "strict", "ignore", "replace", "xmlcharrefreplace", "backslashreplace", "namereplace",
    "surrogateescape", "surrogatepass", NULL,
};

int codecs_is_builtin_handler(const char *name)
{
    for (int i = 0; handler_names[i]; i++)
        if (!strcmp(name, handler_names[i]))
            return 1;
    return 0;
}

int codecs_add_builtin_handlers(AdObject *registry)
{
    for (int i = 0; handler_names[i]; i++) {
        AdObject *f = AdCFunction_NewEx(&handler_defs[i], NULL, NULL);
        if (!f || AdDict_SetItemString(registry, handler_names[i], f) < 0) {
            Ad_XDECREF(f);
            return -1;
        }
        Ad_DECREF(f);
    }
    return 0;
}

/* ---- decoding errors of this room's codecs -------------------------------- */

void codecs_raise_decode_error(const char *encoding, const char *s, Ad_ssize_t n,
                               Ad_ssize_t start, Ad_ssize_t end, const char *reason)
{
    AdObject *args = AdTuple_New(5);
    if (!args)
        return;
    AdObject *items[5] = {AdStr_FromString(encoding), AdBytes_FromStringAndSize(s, n),
                          AdInt_FromSsize_t(start), AdInt_FromSsize_t(end), AdStr_FromString(reason)};
    int ok = 1;
    for (int i = 0; i < 5; i++) {
        ok = ok && items[i];
        AdTuple_SET_ITEM(args, i, items[i]);
    }
    AdObject *exc = ok ? AdObject_Call(AdExc_UnicodeDecodeError, args, NULL) : NULL;
    Ad_DECREF(args);
    if (exc) {
        AdErr_SetObject(AdExc_UnicodeDecodeError, exc);
        Ad_DECREF(exc);
    }
}

int codecs_decode_error(const char *encoding, const char *errors, AdObject **handler,
                        const char *s, Ad_ssize_t n, Ad_ssize_t start, Ad_ssize_t end,
                        const char *reason, void *writer, Ad_ssize_t *pos)
{
    AdStrWriter *w = writer;
    *pos = end;
    if (!errors || !strcmp(errors, "strict")) {
        codecs_raise_decode_error(encoding, s, n, start, end, reason);
        return -1;
    }
    if (!strcmp(errors, "ignore"))
        return 0;
    if (!strcmp(errors, "replace"))
        return AdStrWriter_WriteChar(w, 0xFFFD);
    if (!*handler && !(*handler = AdStr_LookupErrorHandler(errors)))
        return -1;
    AdObject *rep = AdStr_CallDecodeErrorHandler(*handler, encoding, s, n, start, end, reason, pos);
    if (!rep)
        return -1;
    int r = AdStrWriter_WriteStr(w, rep);
    Ad_DECREF(rep);
    return r;
}
