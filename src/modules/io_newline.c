/* io_newline.c: newline handling shared by StringIO and TextIOWrapper
 * (universal-newline translation, the `newlines` value, finding line
 * ends) and _io.IncrementalNewlineDecoder, which wraps a decoder and
 * translates \r\n and \r to \n, holding back a trailing \r until it knows
 * what follows. */
#include <stddef.h>
#include <string.h>

#include "modules/io_internal.h"
#include "memory/gc.h"
#include "objects/abstract.h"
#include "objects/args.h"
#include "objects/bytes.h"
#include "objects/errors.h"
#include "objects/exceptions.h"
#include "objects/int.h"
#include "objects/str.h"
#include "objects/tuple.h"
#include "objects/typeobject.h"

enum { SEEN_CR = 1, SEEN_LF = 2, SEEN_CRLF = 4 };

AdObject *io_newlines_value(int seennl)
{
    switch (seennl) {
    case 0: Ad_RETURN_NONE;
    case SEEN_CR: return AdStr_FromString("\r");
    case SEEN_LF: return AdStr_FromString("\n");
    case SEEN_CRLF: return AdStr_FromString("\r\n");
    default: break;
    }
    AdObject *items[3];
    int n = 0;
    if (seennl & SEEN_CR)
        items[n++] = AdStr_FromString("\r");
    if (seennl & SEEN_LF)
        items[n++] = AdStr_FromString("\n");
    if (seennl & SEEN_CRLF)
        items[n++] = AdStr_FromString("\r\n");
    AdObject *t = AdTuple_New(n);
    for (int i = 0; i < n; i++) {
        if (t)
            AdTuple_SET_ITEM(t, i, items[i]);
        else
            Ad_XDECREF(items[i]);
    }
    return t;
}

AdObject *io_translate_newlines(AdObject *s, int translate, int final, unsigned char *pendingcr, int *seennl)
{
    Ad_ssize_t n = AdStr_LENGTH(s);
    if (*pendingcr && (n > 0 || final)) {
        *pendingcr = 0;
        AdObject *cr = AdStr_FromString("\r");
        AdObject *joined = cr ? AdStr_Concat(cr, s) : NULL;
        Ad_XDECREF(cr);
        if (!joined)
            return NULL;
        AdObject *r = io_translate_newlines(joined, translate, final, pendingcr, seennl);
        Ad_DECREF(joined);
        return r;
    }
    int kind = AdStr_KIND(s);
    const void *data = AdStr_DATA(s);
    Ad_ssize_t end = n;
    if (!final && n > 0 && AdStr_READ(kind, data, n - 1) == '\r') {
        *pendingcr = 1;
        end = n - 1;
    }
    Ad_ssize_t first_cr = AdStr_FindChar(s, '\r', 0, end);
    if (first_cr < 0) {
        if (AdStr_FindChar(s, '\n', 0, end) >= 0)
            *seennl |= SEEN_LF;
        return end == n ? Ad_NewRef(s) : AdStr_Substring(s, 0, end);
    }
    if (!translate) {
        /* only record what was seen */
        for (Ad_ssize_t i = 0; i < end; i++) {
            uint32_t c = AdStr_READ(kind, data, i);
            if (c == '\n')
                *seennl |= SEEN_LF;
            else if (c == '\r') {
                if (i + 1 < end && AdStr_READ(kind, data, i + 1) == '\n') {
                    *seennl |= SEEN_CRLF;
                    i++;
                }
                else
                    *seennl |= SEEN_CR;
            }
        }
        return end == n ? Ad_NewRef(s) : AdStr_Substring(s, 0, end);
    }
    AdStrWriter w;
    AdStrWriter_Init(&w);
    for (Ad_ssize_t i = 0; i < end; i++) {
        uint32_t c = AdStr_READ(kind, data, i);
        if (c == '\r') {
            if (i + 1 < end && AdStr_READ(kind, data, i + 1) == '\n') {
                *seennl |= SEEN_CRLF;
                i++;
            }
            else
                *seennl |= SEEN_CR;
            c = '\n';
        }
        else if (c == '\n')
            *seennl |= SEEN_LF;
        if (AdStrWriter_WriteChar(&w, c) < 0) {
            AdStrWriter_Dealloc(&w);
            return NULL;
        }
    }
    return AdStrWriter_Finish(&w);
}

Ad_ssize_t io_find_line_end(int kind, const void *data, Ad_ssize_t start, Ad_ssize_t end, int mode,
                            const uint32_t *nl, int nl_len)
{
    if (mode == IO_NL_LF) {
        if (kind == 1) {
            const char *p = (const char *)data + start;
            const char *q = memchr(p, '\n', (size_t)(end - start));
            return q ? (q - (const char *)data) + 1 : -1;
        }
        for (Ad_ssize_t i = start; i < end; i++)
            if (AdStr_READ(kind, data, i) == '\n')
                return i + 1;
        return -1;
    }
    if (mode == IO_NL_UNIVERSAL) {
        for (Ad_ssize_t i = start; i < end; i++) {
            uint32_t c = AdStr_READ(kind, data, i);
            if (c == '\n')
                return i + 1;
            if (c == '\r') {
                if (i + 1 == end)
                    return -2;
                return AdStr_READ(kind, data, i + 1) == '\n' ? i + 2 : i + 1;
            }
        }
        return -1;
    }
    for (Ad_ssize_t i = start; i < end; i++) {
        if (AdStr_READ(kind, data, i) != nl[0])
            continue;
        if (nl_len == 1)
            return i + 1;
        if (i + 1 == end)
            return -2;
        if (AdStr_READ(kind, data, i + 1) == nl[1])
            return i + 2;
    }
    return -1;
}

/* ---- IncrementalNewlineDecoder ------------------------------------------------ */

#define NLD(o) ((io_nldecoder *)(o))

static int nld_init(AdObject *self, AdObject *args, AdObject *kwds)
{
    static const char *const names[] = {"decoder", "translate", "errors", NULL};
    AdObject *v[3];
    if (io_parse_init("IncrementalNewlineDecoder", args, kwds, names, 0, 2, v) < 0)
        return -1;
    int t = AdObject_IsTrue(v[1]);
    if (t < 0)
        return -1;
    io_nldecoder *d = NLD(self);
    AD_XSETREF(d->decoder, Ad_NewRef(v[0]));
    AD_XSETREF(d->errors, v[2] ? Ad_NewRef(v[2]) : AdStr_FromString("strict"));
    d->translate = (unsigned char)t;
    d->pendingcr = 0;
    d->seennl = 0;
    return d->errors ? 0 : -1;
}

static void nld_dealloc(AdObject *self)
{
    AdObject_GC_UnTrack(self);
    AD_CLEAR(NLD(self)->decoder);
    AD_CLEAR(NLD(self)->errors);
    AD_TYPE(self)->tp_free(self);
}

static int nld_traverse(AdObject *self, visitproc visit, void *arg)
{
    if (NLD(self)->decoder) {
        int r = visit(NLD(self)->decoder, arg);
        if (r)
            return r;
    }
    return 0;
}

static int nld_clear(AdObject *self)
{
    AD_CLEAR(NLD(self)->decoder);
    return 0;
}

static int nld_check(io_nldecoder *d)
{
    if (!d->decoder) {
        AdErr_SetString(AdExc_ValueError, "IncrementalNewlineDecoder.__init__() not called");
        return -1;
    }
    return 0;
}

static AdObject *nld_decode(AdObject *self, AdObject *const *args, Ad_ssize_t nargs, AdObject *kwnames)
{
    static const char *const names[] = {"input", "final", NULL};
    AdObject *v[2];
    if (AdArg_Parse("decode", args, nargs, kwnames, names, 0, 1, v) < 0)
        return NULL;
    io_nldecoder *d = NLD(self);
    if (nld_check(d) < 0)
        return NULL;
    int final = 0;
    if (v[1] && (final = AdObject_IsTrue(v[1])) < 0)
        return NULL;
    AdObject *out;
    if (d->decoder != Ad_None) {
        AdObject *a[2] = {v[0], AdBool_FromLong(final)};
        AdObject *kn = AdTuple_Pack(1, AdStr_InternFromString("final"));
        if (!kn)
            return NULL;
        AdObject *meth = AdObject_GetAttrString(d->decoder, "decode");
        out = meth ? AdObject_Vectorcall(meth, a, 1, kn) : NULL;
        Ad_XDECREF(meth);
        Ad_DECREF(kn);
        if (!out)
            return NULL;
    }
    else
        out = Ad_NewRef(v[0]);
    if (!AdStr_Check(out)) {
        AdErr_Format(AdExc_TypeError, "decoder should return a string result, not '%s'",
                     AdType_Name(AD_TYPE(out)));
        Ad_DECREF(out);
        return NULL;
    }
    AdObject *r = io_translate_newlines(out, d->translate, final, &d->pendingcr, &d->seennl);
    Ad_DECREF(out);
    return r;
}

static AdObject *nld_getstate(AdObject *self, AdObject *unused)
{
    (void)unused;
    io_nldecoder *d = NLD(self);
    if (nld_check(d) < 0)
        return NULL;
    AdObject *buf;
    int64_t flag = 0;
    if (d->decoder != Ad_None) {
        AdObject *st = io_call0(d->decoder, "getstate");
        if (!st)
            return NULL;
        if (!AdTuple_Check(st) || AdTuple_GET_SIZE(st) != 2) {
            Ad_DECREF(st);
            AdErr_SetString(AdExc_TypeError, "illegal decoder state");
            return NULL;
        }
        buf = Ad_NewRef(AdTuple_GET_ITEM(st, 0));
        flag = AdInt_AsInt64(AdTuple_GET_ITEM(st, 1));
        Ad_DECREF(st);
        if (flag == -1 && AdErr_Occurred()) {
            Ad_DECREF(buf);
            return NULL;
        }
    }
    else
        buf = AdBytes_FromStringAndSize("", 0);
    flag <<= 1;
    if (d->pendingcr)
        flag |= 1;
    AdObject *f = AdInt_FromInt64(flag);
    AdObject *r = f ? AdTuple_Pack(2, buf, f) : NULL;
    Ad_XDECREF(f);
    Ad_DECREF(buf);
    return r;
}

static AdObject *nld_setstate(AdObject *self, AdObject *state)
{
    io_nldecoder *d = NLD(self);
    if (nld_check(d) < 0)
        return NULL;
    if (!AdTuple_Check(state) || AdTuple_GET_SIZE(state) != 2) {
        AdErr_SetString(AdExc_TypeError, "state argument must be a tuple");
        return NULL;
    }
    int64_t flag = AdInt_AsInt64(AdTuple_GET_ITEM(state, 1));
    if (flag == -1 && AdErr_Occurred())
        return NULL;
    d->pendingcr = (unsigned char)(flag & 1);
    if (d->decoder != Ad_None) {
        AdObject *f = AdInt_FromInt64(flag >> 1);
        AdObject *t = f ? AdTuple_Pack(2, AdTuple_GET_ITEM(state, 0), f) : NULL;
        Ad_XDECREF(f);
        if (!t)
            return NULL;
        AdObject *r = io_call1(d->decoder, "setstate", t);
        Ad_DECREF(t);
        return r;
    }
    Ad_RETURN_NONE;
}

static AdObject *nld_reset(AdObject *self, AdObject *unused)
{
    (void)unused;
    io_nldecoder *d = NLD(self);
    if (nld_check(d) < 0)
        return NULL;
    d->seennl = 0;
    d->pendingcr = 0;
    if (d->decoder != Ad_None)
        return io_call0(d->decoder, "reset");
    Ad_RETURN_NONE;
}

static AdObject *nld_newlines_get(AdObject *self, void *c)
{
    (void)c;
    if (nld_check(NLD(self)) < 0)
        return NULL;
    return io_newlines_value(NLD(self)->seennl);
}

static AdMethodDef nld_methods[] = {
    {"decode", (void (*)(void))nld_decode, AD_METH_FASTCALL | AD_METH_KEYWORDS, NULL},
    {"getstate", (void (*)(void))nld_getstate, AD_METH_NOARGS, NULL},
    {"setstate", (void (*)(void))nld_setstate, AD_METH_O, NULL},
    {"reset", (void (*)(void))nld_reset, AD_METH_NOARGS, NULL},
    {NULL, NULL, 0, NULL},
};

static AdGetSetDef nld_getset[] = {
    {"newlines", nld_newlines_get, NULL, NULL, NULL},
    {NULL, NULL, NULL, NULL, NULL},
};

AdTypeObject AdIncrementalNewlineDecoder_Type = {
    .ob_base = AD_STATIC_VAR_INIT(&AdType_Type, 0),
    .tp_name = "_io.IncrementalNewlineDecoder",
    .tp_basicsize = sizeof(io_nldecoder),
    .tp_dealloc = nld_dealloc,
    .tp_getattro = AdObject_GenericGetAttr,
    .tp_flags = AD_TPFLAGS_HAVE_GC | AD_TPFLAGS_BASETYPE,
    .tp_doc = "IncrementalNewlineDecoder(decoder, translate, errors='strict')\n--\n\n"
              "Codec used when reading a file in universal newlines mode.",
    .tp_traverse = nld_traverse,
    .tp_clear = nld_clear,
    .tp_methods = nld_methods,
    .tp_getset = nld_getset,
    .tp_init = nld_init,
    .tp_alloc = AdType_GenericAlloc,
    .tp_new = AdType_GenericNew,
    .tp_free = AdObject_GC_Del,
};
