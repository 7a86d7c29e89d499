/* codecs_charmap.c: the charmap codec (charmap_decode/charmap_encode over
 * a decoding-table str, a mapping or None for Latin-1) and charmap_build's
 * EncodingMap, the compact code point -> byte table the generated
 * encodings/cp*.py modules encode with. */
#include "modules/codecs_internal.h"

#include <string.h>
#include "memory/alloc.h"
#include "memory/gc.h"
#include "numeric/numeric.h"
#include "objects/abstract.h"
#include "objects/bytes.h"
#include "objects/dict.h"
#include "objects/errors.h"
#include "objects/exceptions.h"
#include "objects/int.h"
#include "objects/str.h"
#include "objects/tuple.h"
#include "objects/typeobject.h"

/* ---- EncodingMap ---------------------------------------------------------- */

typedef struct {
    AdObject_HEAD;
    uint16_t *blocks[256];      /* by high byte of the code point; 0xFFFF = unmapped */
    Ad_ssize_t nblocks;
} EncodingMapObject;

static void encmap_dealloc(AdObject *o)
{
    EncodingMapObject *m = (EncodingMapObject *)o;
    for (int i = 0; i < 256; i++)
        AdMem_Free(m->blocks[i]);
    AD_TYPE(o)->tp_free(o);
}

static AdObject *encmap_size(AdObject *o, AdObject *unused)
{
    (void)unused;
    EncodingMapObject *m = (EncodingMapObject *)o;
    return AdInt_FromSsize_t((Ad_ssize_t)(sizeof *m + (size_t)m->nblocks * 256 * sizeof(uint16_t)));
}

static AdMethodDef encmap_methods[] = {
    {"size", (void (*)(void))encmap_size, AD_METH_NOARGS, "Return the size (in bytes) of this object"},
    {NULL, NULL, 0, NULL},
};

AdTypeObject codecs_EncodingMap_Type = {
    .ob_base = AD_STATIC_VAR_INIT(&AdType_Type, 0),
    .tp_name = "EncodingMap",
    .tp_basicsize = sizeof(EncodingMapObject),
    .tp_dealloc = encmap_dealloc,
    .tp_methods = encmap_methods,
    .tp_free = AdObject_Free,
};

/* The byte for code point c, or -1. */
static int encmap_get(EncodingMapObject *m, uint32_t c)
{
    if (c > 0xFFFF || !m->blocks[c >> 8])
        return -1;
    uint16_t v = m->blocks[c >> 8][c & 0xFF];
    return v == 0xFFFF ? -1 : v;
}

AdObject *codecs_charmap_build(AdObject *map)
{
    Ad_ssize_t n = AdStr_LENGTH(map);
    /* CPython's rule: a table that starts with U+0000 (and has no other
     * U+0000), at most 256 long, in the BMP; anything else gets a dict */
    int need_dict = n == 0 || n > 256 || AdStr_READ_CHAR(map, 0) != 0;
    for (Ad_ssize_t i = 1; i < n && !need_dict; i++) {
        uint32_t c = AdStr_READ_CHAR(map, i);
        if (c > 0xFFFF || c == 0)
            need_dict = 1;
    }
    if (need_dict) {
        AdObject *d = AdDict_New();
        for (Ad_ssize_t i = 0; d && i < n; i++) {
            AdObject *k = AdInt_FromSsize_t(AdStr_READ_CHAR(map, i)), *v = AdInt_FromSsize_t(i);
            int r = k && v ? AdDict_SetItem(d, k, v) : -1;
            Ad_XDECREF(k);
            Ad_XDECREF(v);
            if (r < 0)
                AD_CLEAR(d);
        }
        return d;
    }
    EncodingMapObject *m = (EncodingMapObject *)AdType_GenericAlloc(&codecs_EncodingMap_Type, 0);
    if (!m)
        return NULL;
    for (Ad_ssize_t i = 0; i < n; i++) {
        uint32_t c = AdStr_READ_CHAR(map, i);
        if (c == 0xFFFE)
            continue;           /* the "undefined" marker of decoding tables */
        if (!m->blocks[c >> 8]) {
            m->blocks[c >> 8] = AdMem_Malloc(256 * sizeof(uint16_t));
            if (!m->blocks[c >> 8]) {
                Ad_DECREF((AdObject *)m);
                return AdErr_NoMemory();
            }
            memset(m->blocks[c >> 8], 0xFF, 256 * sizeof(uint16_t));
            m->nblocks++;
        }
        m->blocks[c >> 8][c & 0xFF] = (uint16_t)i;
    }
    return (AdObject *)m;
}

/* ---- decoding ------------------------------------------------------------- */

AdObject *codecs_charmap_decode(const char *data, Ad_ssize_t n, const char *errors, AdObject *mapping)
{
    if (!mapping)
        return AdStr_DecodeLatin1(data, n, errors);
    const unsigned char *s = (const unsigned char *)data;
    AdStrWriter w;
    AdStrWriter_Init(&w);
    AdObject *handler = NULL;
    int table = AdStr_Check(mapping);
    Ad_ssize_t i = 0;
    while (i < n) {
        unsigned b = s[i];
        if (table) {
            if ((Ad_ssize_t)b < AdStr_LENGTH(mapping)) {
                uint32_t c = AdStr_READ_CHAR(mapping, b);
                if (c != 0xFFFE) {
                    if (AdStrWriter_WriteChar(&w, c) < 0)
                        goto fail;
                    i++;
                    continue;
                }
            }
        } else {
            AdObject *key = AdInt_FromSsize_t(b);
            if (!key)
                goto fail;
            AdObject *v = AdObject_GetItem(mapping, key);
            Ad_DECREF(key);
            if (!v) {
                if (!AdErr_ExceptionMatches(AdExc_LookupError))
                    goto fail;
                AdErr_Clear();
            } else if (v != Ad_None) {
                int r = 0;
                if (AdInt_Check(v)) {
                    Ad_ssize_t c = AdInt_AsSsize_t(v);
                    if ((c == -1 && AdErr_Occurred()) || c < 0 || c > 0x10FFFF) {
                        AdErr_Clear();
                        AdErr_SetString(AdExc_TypeError, "character mapping must be in range(0x110000)");
                        r = -1;
                    } else if (c == 0xFFFE) {
                        Ad_DECREF(v);
                        goto undefined;
                    } else
                        r = AdStrWriter_WriteChar(&w, (uint32_t)c);
                } else if (AdStr_Check(v)) {
                    if (AdStr_LENGTH(v) == 1 && AdStr_READ_CHAR(v, 0) == 0xFFFE) {
                        Ad_DECREF(v);
                        goto undefined;
                    }
                    r = AdStrWriter_WriteStr(&w, v);
                } else {
                    AdErr_SetString(AdExc_TypeError, "character mapping must return integer, None or str");
                    r = -1;
                }
                Ad_DECREF(v);
                if (r < 0)
                    goto fail;
                i++;
                continue;
            } else
                Ad_DECREF(v);
        }
    undefined:
        if (codecs_decode_error("charmap", errors, &handler, data, n, i, i + 1,
                                "character maps to <undefined>", &w, &i) < 0)
            goto fail;
    }
    Ad_XDECREF(handler);
    return AdStrWriter_Finish(&w);
fail:
    Ad_XDECREF(handler);
    AdStrWriter_Dealloc(&w);
    return NULL;
}

/* ---- encoding ------------------------------------------------------------- */

/* Appends the encoding of c: 1 done, 0 unmapped, -1 error. */
static int charmap_put(AdObject *mapping, uint32_t c, AdNumBuf *out)
{
    if (Ad_IS_TYPE(mapping, &codecs_EncodingMap_Type)) {
        int b = encmap_get((EncodingMapObject *)mapping, c);
        if (b < 0)
            return 0;
        return AdNumBuf_AppendChar(out, (char)b) < 0 ? (AdErr_NoMemory(), -1) : 1;
    }
    AdObject *key = AdInt_FromSsize_t(c);
    if (!key)
        return -1;
    AdObject *v = AdObject_GetItem(mapping, key);
    Ad_DECREF(key);
    if (!v) {
        if (!AdErr_ExceptionMatches(AdExc_LookupError))
            return -1;
        AdErr_Clear();
        return 0;
    }
    int r = 1;
    if (v == Ad_None)
        r = 0;
    else if (AdInt_Check(v)) {
        Ad_ssize_t b = AdInt_AsSsize_t(v);
        if ((b == -1 && AdErr_Occurred()) || b < 0 || b > 255) {
            AdErr_Clear();
            AdErr_SetString(AdExc_TypeError, "character mapping must be in range(256)");
            r = -1;
        } else if (AdNumBuf_AppendChar(out, (char)b) < 0)
            r = -1;
    } else if (AdBytes_Check(v)) {
        if (AdNumBuf_Append(out, AdBytes_AS_STRING(v), (size_t)AdBytes_GET_SIZE(v)) < 0)
            r = -1;
    } else {
        AdErr_Format(AdExc_TypeError, "character mapping must return integer, bytes or None, not %.200s",
                     AdType_Name(AD_TYPE(v)));
        r = -1;
    }
    Ad_DECREF(v);
    return r;
}

static void raise_undefined(AdObject *str, Ad_ssize_t start, Ad_ssize_t end)
{
    AdObject *args = AdTuple_New(5);
    if (!args)
        return;
    AdObject *items[5] = {AdStr_FromString("charmap"), Ad_NewRef(str), AdInt_FromSsize_t(start),
                          AdInt_FromSsize_t(end), AdStr_FromString("character maps to <undefined>")};
    int ok = 1;
    for (int i = 0; i < 5; i++) {
        ok = ok && items[i];
        AdTuple_SET_ITEM(args, i, items[i]);
    }
    AdObject *exc = ok ? AdObject_Call(AdExc_UnicodeEncodeError, args, NULL) : NULL;
    Ad_DECREF(args);
    if (exc) {
        AdErr_SetObject(AdExc_UnicodeEncodeError, exc);
        Ad_DECREF(exc);
    }
}

AdObject *codecs_charmap_encode(AdObject *str, const char *errors, AdObject *mapping)
{
    if (!mapping)
        return AdStr_EncodeLatin1(str, errors);
    AdNumBuf out = {0};
    AdObject *handler = NULL;
    Ad_ssize_t n = AdStr_LENGTH(str), i = 0;
    int strict = !errors || !strcmp(errors, "strict"), ignore = errors && !strcmp(errors, "ignore");
    while (i < n) {
        int r = charmap_put(mapping, AdStr_READ_CHAR(str, i), &out);
        if (r < 0)
            goto fail;
        if (r > 0) {
            i++;
            continue;
        }
        /* the run of unmapped characters */
        Ad_ssize_t end = i + 1;
        AdNumBuf probe = {0};
        while (end < n) {
            r = charmap_put(mapping, AdStr_READ_CHAR(str, end), &probe);
            if (r < 0) {
                AdNumBuf_Free(&probe);
                goto fail;
            }
            if (r > 0)
                break;
            end++;
        }
        AdNumBuf_Free(&probe);
        if (strict) {
            raise_undefined(str, i, end);
            goto fail;
        }
        if (ignore) {
            i = end;
            continue;
        }
        if (!handler && !(handler = AdStr_LookupErrorHandler(errors)))
            goto fail;
        Ad_ssize_t next;
        AdObject *rep = AdStr_CallEncodeErrorHandler(handler, "charmap", str, i, end,
                                                     "character maps to <undefined>", &next);
        if (!rep)
            goto fail;
        if (AdBytes_Check(rep)) {
            r = AdNumBuf_Append(&out, AdBytes_AS_STRING(rep), (size_t)AdBytes_GET_SIZE(rep)) < 0 ? -1 : 1;
        } else {
            r = 1;
            for (Ad_ssize_t k = 0; k < AdStr_LENGTH(rep) && r > 0; k++)
                r = charmap_put(mapping, AdStr_READ_CHAR(rep, k), &out);
            if (r == 0)
                raise_undefined(str, i, end);
        }
        Ad_DECREF(rep);
        if (r <= 0)
            goto fail;
        i = next;
    }
    Ad_XDECREF(handler);
    AdObject *b = AdBytes_FromStringAndSize(out.data ? out.data : "", (Ad_ssize_t)out.len);
    AdNumBuf_Free(&out);
    return b;
fail:
    Ad_XDECREF(handler);
    AdNumBuf_Free(&out);
    return NULL;
}
