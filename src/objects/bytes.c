/* bytes.c: the bytes type: allocation (with the cached empty and one-byte
 * objects), resizing, repr, hashing, comparison, length, indexing and
 * slicing, concatenation, repetition, containment, the bytes_iterator,
 * bytes % args (through bytes_printf.c), construction (bytes(), with
 * __bytes__, encodings, sizes, buffers and iterables, and subclasses),
 * __bytes__/__getnewargs__, and the buffer protocol's generic entry points
 * (AdObject_GetBuffer / AdBuffer_Release / AdBuffer_FillInfo). The
 * methods shared with bytearray are in bytes_methods.c. */
#include "objects/bytes_internal.h"
#if STR_KERNEL_READY
#include <stdio.h>
#include "memory/alloc.h"
#include "memory/gc.h"
#include "objects/abstract.h"
#include "objects/bytes.h"
#include "objects/typeobject.h"
#include "objects/tuple.h"
#include "objects/int.h"
#include "objects/dict.h"
#include "objects/object_reduce.h"
#include "numeric/hash.h"

static AdObject *empty_bytes;
static AdObject *byte_cache[256];

static AdObject *bytes_alloc(Ad_ssize_t size)
{
    if (size < 0 || (size_t)size > SIZE_MAX / 2 - sizeof(AdBytesObject))
        return AdErr_NoMemory();
    AdBytesObject *b = AdMem_Malloc(offsetof(AdBytesObject, data) + (size_t)size + 1);
    if (!b)
        return AdErr_NoMemory();
    b->ob_base.ob_base.ob_refcnt = 1;
    b->ob_base.ob_base.ob_type = &AdBytes_Type;
    b->ob_base.ob_size = size;
    b->hash = -1;
    b->data[size] = 0;
    return (AdObject *)b;
}

void ad_bytes_fini(void)
{
    for (int c = 0; c < 256; c++) {
        AdMem_Free(byte_cache[c]);
        byte_cache[c] = NULL;
    }
    AdMem_Free(empty_bytes);
    empty_bytes = NULL;
}

AdObject *AdBytes_FromStringAndSize(const char *s, Ad_ssize_t size)
{
    if (size < 0) {
        AdErr_SetString(AdExc_SystemError, "Negative size passed to AdBytes_FromStringAndSize");
        return NULL;
    }
    if (size == 0 && (s || size == 0)) {
        if (!empty_bytes) {
            if (!(empty_bytes = bytes_alloc(0)))
                return NULL;
            Ad_SetImmortal(empty_bytes);
        }
        return empty_bytes;
    }
    if (size == 1 && s) {
        unsigned char c = (unsigned char)s[0];
        if (!byte_cache[c]) {
            AdObject *b = bytes_alloc(1);
            if (!b)
                return NULL;
            AdBytes_AS_STRING(b)[0] = (char)c;
            Ad_SetImmortal(b);
            byte_cache[c] = b;
        }
        return byte_cache[c];
    }
    AdObject *b = bytes_alloc(size);
    if (b && s)
        memcpy(AdBytes_AS_STRING(b), s, (size_t)size);
    return b;
}

AdObject *AdBytes_FromString(const char *s)
{
    return AdBytes_FromStringAndSize(s, (Ad_ssize_t)strlen(s));
}

int AdBytes_Resize(AdObject **pv, Ad_ssize_t newsize)
{
    AdObject *v = *pv;
    if (newsize < 0 || !AdBytes_CheckExact(v) || (Ad_IsImmortal(v) && AD_SIZE(v) != newsize) ||
        (!Ad_IsImmortal(v) && AD_REFCNT(v) != 1)) {
        *pv = NULL;
        Ad_DECREF(v);
        AdErr_BadInternalCall();
        return -1;
    }
    if (AD_SIZE(v) == newsize)
        return 0;
    AdBytesObject *b = AdMem_Realloc(v, offsetof(AdBytesObject, data) + (size_t)newsize + 1);
    if (!b) {
        *pv = NULL;
        Ad_DECREF(v);
        AdErr_NoMemory();
        return -1;
    }
    b->ob_base.ob_size = newsize;
    b->hash = -1;
    b->data[newsize] = 0;
    *pv = (AdObject *)b;
    return 0;
}

static void bytes_dealloc(AdObject *o)
{
    AdTypeObject *t = AD_TYPE(o);
    /* tp_free drops the instance's reference to a heap type */
    if (t == &AdBytes_Type || !t->tp_free)
        AdMem_Free(o);
    else
        t->tp_free(o);
}

/* ---- repr ---------------------------------------------------------------- */

AdObject *AdBytes_Repr(AdObject *b, int smartquotes)
{
    const unsigned char *p = (const unsigned char *)AdBytes_AS_STRING(b);
    Ad_ssize_t n = AdBytes_GET_SIZE(b);
    int sq = 0, dq = 0;
    for (Ad_ssize_t i = 0; i < n; i++) {
        if (p[i] == '\'') sq = 1;
        else if (p[i] == '"') dq = 1;
    }
    char q = (smartquotes && sq && !dq) ? '"' : '\'';
    AdStrWriter w;
    AdStrWriter_Init(&w);
    if (str_writer_reserve(&w, n + 3) < 0 || AdStrWriter_WriteASCII(&w, "b", 1) < 0 ||
        AdStrWriter_WriteChar(&w, (uint32_t)q) < 0)
        goto fail;
    for (Ad_ssize_t i = 0; i < n; i++) {
        unsigned c = p[i];
        char buf[5];
        int len;
        if (c == (unsigned)q || c == '\\') { buf[0] = '\\'; buf[1] = (char)c; len = 2; }
        else if (c == '\t') { buf[0] = '\\'; buf[1] = 't'; len = 2; }
        else if (c == '\n') { buf[0] = '\\'; buf[1] = 'n'; len = 2; }
        else if (c == '\r') { buf[0] = '\\'; buf[1] = 'r'; len = 2; }
        else if (c < 0x20 || c >= 0x7F) { snprintf(buf, sizeof buf, "\\x%02x", c); len = 4; }
        else { buf[0] = (char)c; len = 1; }
        if (AdStrWriter_WriteASCII(&w, buf, len) < 0)
            goto fail;
    }
    if (AdStrWriter_WriteChar(&w, (uint32_t)q) < 0)
        goto fail;
    return AdStrWriter_Finish(&w);
fail:
    AdStrWriter_Dealloc(&w);
    return NULL;
}

static AdObject *bytes_repr(AdObject *b) { return AdBytes_Repr(b, 1); }

/* ---- hash, compare --------------------------------------------------------- */

static Ad_hash_t bytes_hash(AdObject *o)
{
    AdBytesObject *b = (AdBytesObject *)o;
    if (b->hash == -1)
        b->hash = AdHash_Bytes(b->data, (size_t)AD_SIZE(o));
    return b->hash;
}

static AdObject *bytes_richcompare(AdObject *a, AdObject *b, int op)
{
    if (!AdBytes_Check(a) || !AdBytes_Check(b))
        Ad_RETURN_NOTIMPLEMENTED;
    Ad_ssize_t la = AD_SIZE(a), lb = AD_SIZE(b);
    if (op == AD_EQ || op == AD_NE) {
        int eq = la == lb && memcmp(AdBytes_AS_STRING(a), AdBytes_AS_STRING(b), (size_t)la) == 0;
        return str_bool(op == AD_EQ ? eq : !eq);
    }
    int c = memcmp(AdBytes_AS_STRING(a), AdBytes_AS_STRING(b), (size_t)(la < lb ? la : lb));
    if (c == 0)
        c = la < lb ? -1 : la > lb ? 1 : 0;
    int r = op == AD_LT ? c < 0 : op == AD_LE ? c <= 0 : op == AD_GT ? c > 0 : c >= 0;
    return str_bool(r);
}

/* ---- sequence --------------------------------------------------------------- */

static Ad_ssize_t bytes_length(AdObject *o) { return AD_SIZE(o); }

static AdObject *bytes_item(AdObject *o, Ad_ssize_t i)
{
    if (i < 0 || i >= AD_SIZE(o)) {
        AdErr_SetString(AdExc_IndexError, "index out of range");
        return NULL;
    }
    return str_int_from_ssize((unsigned char)AdBytes_AS_STRING(o)[i]);
}

static AdObject *bytes_subscript(AdObject *o, AdObject *key)
{
    if (str_has_index(key)) {
        Ad_ssize_t i = str_as_ssize(key, AdExc_IndexError);
        if (i == -1 && AdErr_Occurred())
            return NULL;
        if (i < 0)
            i += AD_SIZE(o);
        return bytes_item(o, i);
    }
    if (str_is_slice(key)) {
        Ad_ssize_t start, step, n;
        if (str_slice_indices(key, AD_SIZE(o), &start, &step, &n) < 0)
            return NULL;
        if (n <= 0)
            return AdBytes_FromStringAndSize("", 0);
        const char *src = AdBytes_AS_STRING(o);
        if (step == 1) {
            if (n == AD_SIZE(o) && AdBytes_CheckExact(o))
                return Ad_NewRef(o);
            return AdBytes_FromStringAndSize(src + start, n);
        }
        AdObject *r = AdBytes_FromStringAndSize(NULL, n);
        if (!r)
            return NULL;
        char *d = AdBytes_AS_STRING(r);
        for (Ad_ssize_t i = 0, j = start; i < n; i++, j += step)
            d[i] = src[j];
        return r;
    }
    return AdErr_Format(AdExc_TypeError, "byte indices must be integers or slices, not %.200s",
                        str_tname(key));
}

static AdObject *bytes_concat(AdObject *a, AdObject *b)
{
    AdBuffer va, vb;
    if (AdObject_GetBuffer(a, &va, AD_BUF_SIMPLE) < 0)
        goto bad;
    if (AdObject_GetBuffer(b, &vb, AD_BUF_SIMPLE) < 0) {
        AdBuffer_Release(&va);
        goto bad;
    }
    AdObject *r = AdBytes_FromStringAndSize(NULL, va.len + vb.len);
    if (r) {
        memcpy(AdBytes_AS_STRING(r), va.buf, (size_t)va.len);
        memcpy(AdBytes_AS_STRING(r) + va.len, vb.buf, (size_t)vb.len);
    }
    AdBuffer_Release(&va);
    AdBuffer_Release(&vb);
    return r;
bad:
    AdErr_Clear();
    return AdErr_Format(AdExc_TypeError, "can't concat %.100s to %.100s", str_tname(b), str_tname(a));
}

static AdObject *bytes_repeat(AdObject *o, Ad_ssize_t n)
{
    Ad_ssize_t len = AD_SIZE(o);
    if (n < 0)
        n = 0;
    if (n && len > (Ad_ssize_t)(SIZE_MAX >> 2) / n)
        return AdErr_NoMemory();
    if (n == 1 && AdBytes_CheckExact(o))
        return Ad_NewRef(o);
    AdObject *r = AdBytes_FromStringAndSize(NULL, len * n);
    if (!r)
        return NULL;
    for (Ad_ssize_t i = 0; i < n; i++)
        memcpy(AdBytes_AS_STRING(r) + i * len, AdBytes_AS_STRING(o), (size_t)len);
    return r;
}

static int bytes_contains(AdObject *o, AdObject *x)
{
    const char *d = AdBytes_AS_STRING(o);
    Ad_ssize_t n = AD_SIZE(o);
    if (str_has_index(x)) {
        Ad_ssize_t v = str_as_ssize(x, NULL);
        if (v == -1 && AdErr_Occurred())
            return -1;
        if (v < 0 || v > 255) {
            AdErr_SetString(AdExc_ValueError, "byte must be in range(0, 256)");
            return -1;
        }
        return memchr(d, (int)v, (size_t)n) != NULL;
    }
    AdBuffer view;
    if (AdObject_GetBuffer(x, &view, AD_BUF_SIMPLE) < 0)
        return -1;
    Ad_ssize_t r = str_search(1, d, 0, n, 1, view.buf, view.len, 1);
    AdBuffer_Release(&view);
    return r >= 0;
}

/* ---- iteration ---------------------------------------------------------------------- */

typedef struct {
    AdObject_HEAD;
    AdObject *seq;              /* NULL when exhausted */
    Ad_ssize_t index;
} bytesiterobject;

static AdObject *bytes_iter(AdObject *o)
{
    bytesiterobject *it = (bytesiterobject *)AdObject_GC_New(&AdBytesIter_Type);
    if (!it)
        return NULL;
    it->seq = Ad_NewRef(o);
    it->index = 0;
    AdObject_GC_Track((AdObject *)it);
    return (AdObject *)it;
}

static AdObject *bytesiter_next(AdObject *o)
{
    bytesiterobject *it = (bytesiterobject *)o;
    if (!it->seq)
        return NULL;
    if (it->index < AD_SIZE(it->seq))
        return AdInt_FromInt64((unsigned char)AdBytes_AS_STRING(it->seq)[it->index++]);
    AD_CLEAR(it->seq);
    return NULL;
}

static AdObject *bytesiter_length_hint(AdObject *o, AdObject *unused)
{
    (void)unused;
    bytesiterobject *it = (bytesiterobject *)o;
    Ad_ssize_t n = it->seq ? AD_SIZE(it->seq) - it->index : 0;
    return AdInt_FromSsize_t(n < 0 ? 0 : n);
}

static void bytesiter_dealloc(AdObject *o)
{
    AdObject_GC_UnTrack(o);
    Ad_XDECREF(((bytesiterobject *)o)->seq);
    AdObject_GC_Del(o);
}

static int bytesiter_traverse(AdObject *o, visitproc visit, void *arg)
{
    bytesiterobject *it = (bytesiterobject *)o;
    return it->seq ? visit(it->seq, arg) : 0;
}

static AdObject *bytesiter_reduce(AdObject *o, AdObject *unused)
{
    (void)unused;
    bytesiterobject *it = (bytesiterobject *)o;
    return AdIter_Reduce("iter", it->seq, AdTuple_New(0), it->index);
}

static AdObject *bytesiter_setstate(AdObject *o, AdObject *state)
{
    bytesiterobject *it = (bytesiterobject *)o;
    Ad_ssize_t index = AdNumber_AsSsize_t(state, NULL);
    if (index == -1 && AdErr_Occurred())
        return NULL;
    if (it->seq) {
        if (index < 0)
            index = 0;
        else if (index > AD_SIZE(it->seq))
            index = AD_SIZE(it->seq);
        it->index = index;
    }
    Ad_RETURN_NONE;
}

static AdMethodDef bytesiter_methods[] = {
    {"__reduce__", (void (*)(void))bytesiter_reduce, AD_METH_NOARGS, "Return state information for pickling."},
    {"__setstate__", (void (*)(void))bytesiter_setstate, AD_METH_O, "Set state information for unpickling."},
    {"__length_hint__", (void (*)(void))bytesiter_length_hint, AD_METH_NOARGS,
     "Private method returning an estimate of len(list(it))."},
    {NULL, NULL, 0, NULL},
};

AdTypeObject AdBytesIter_Type = {
    .ob_base = AD_STATIC_VAR_INIT(&AdType_Type, 0),
    .tp_name = "bytes_iterator",
    .tp_basicsize = sizeof(bytesiterobject),
    .tp_dealloc = bytesiter_dealloc,
    .tp_flags = AD_TPFLAGS_HAVE_GC,
    .tp_traverse = bytesiter_traverse,
    .tp_iter = AdObject_SelfIter,
    .tp_iternext = bytesiter_next,
    .tp_methods = bytesiter_methods,
};

/* ---- buffer protocol ---------------------------------------------------------- */

int AdBuffer_FillInfo(AdBuffer *view, AdObject *o, void *buf, Ad_ssize_t len, int readonly, int flags)
{
    if ((flags & AD_BUF_WRITABLE) && readonly) {
        AdErr_SetString(AdExc_BufferError, "Object is not writable.");
        return -1;
    }
    view->obj = o ? Ad_NewRef(o) : NULL;
    view->buf = buf;
    view->len = len;
    view->readonly = readonly;
    view->itemsize = 1;
    view->format = (flags & AD_BUF_FORMAT) ? "B" : NULL;
    view->ndim = 1;
    view->shape = (flags & AD_BUF_ND) ? &view->len : NULL;
    view->strides = (flags & 16) ? &view->itemsize : NULL;
    view->suboffsets = NULL;
    view->internal = NULL;
    return 0;
}

int AdObject_GetBuffer(AdObject *o, AdBuffer *view, int flags)
{
    AdBufferProcs *pb = AD_TYPE(o)->tp_as_buffer;
    view->obj = NULL;
    if (!pb || !pb->bf_getbuffer) {
        AdErr_Format(AdExc_TypeError, "a bytes-like object is required, not '%.100s'", str_tname(o));
        return -1;
    }
    return pb->bf_getbuffer(o, view, flags);
}

void AdBuffer_Release(AdBuffer *view)
{
    AdObject *o = view->obj;
    if (!o)
        return;
    AdBufferProcs *pb = AD_TYPE(o)->tp_as_buffer;
    if (pb && pb->bf_releasebuffer)
        pb->bf_releasebuffer(o, view);
    view->obj = NULL;
    Ad_DECREF(o);
}

static int bytes_getbuffer(AdObject *o, AdBuffer *view, int flags)
{
    return AdBuffer_FillInfo(view, o, AdBytes_AS_STRING(o), AD_SIZE(o), 1, flags);
}

static AdBufferProcs bytes_as_buffer = { bytes_getbuffer, NULL };

/* ---- construction ---------------------------------------------------------------- */

AdObject *AdBytes_FromObject(AdObject *o)
{
    if (AdBytes_CheckExact(o))
        return Ad_NewRef(o);
    AdBuffer view;
    if (AD_TYPE(o)->tp_as_buffer && AD_TYPE(o)->tp_as_buffer->bf_getbuffer) {
        if (AdObject_GetBuffer(o, &view, AD_BUF_FULL_RO) < 0)
            return NULL;
        AdObject *r = AdBytes_FromStringAndSize(NULL, view.len);
        if (r)
            AdBuffer_ToContiguous(AdBytes_AS_STRING(r), &view);
        AdBuffer_Release(&view);
        return r;
    }
    if (AdStr_Check(o)) {
        AdErr_SetString(AdExc_TypeError, "cannot convert 'str' object to bytes");
        return NULL;
    }
    AdObject *it = AdObject_GetIter(o);
    if (!it) {
        if (AdErr_ExceptionMatches(AdExc_TypeError)) {
            AdErr_Clear();
            AdErr_Format(AdExc_TypeError, "cannot convert '%.200s' object to bytes", str_tname(o));
        }
        return NULL;
    }
    Ad_ssize_t cap = 16, len = 0;
    char *buf = AdMem_Malloc((size_t)cap);
    AdObject *item;
    if (!buf) {
        Ad_DECREF(it);
        return AdErr_NoMemory();
    }
    while ((item = AdIter_Next(it))) {
        Ad_ssize_t v = str_has_index(item) ? str_as_ssize(item, NULL) : -2;
        if (v == -2) {
            AdErr_Format(AdExc_TypeError, "'%.200s' object cannot be interpreted as an integer",
                         str_tname(item));
        } else if (!(v == -1 && AdErr_Occurred()) && (v < 0 || v > 255))
            AdErr_SetString(AdExc_ValueError, "bytes must be in range(0, 256)");
        Ad_DECREF(item);
        if (AdErr_Occurred())
            break;
        if (len == cap) {
            char *nb = AdMem_Realloc(buf, (size_t)cap * 2);
            if (!nb) {
                AdErr_NoMemory();
                break;
            }
            buf = nb;
            cap *= 2;
        }
        buf[len++] = (char)v;
    }
    Ad_DECREF(it);
    AdObject *r = AdErr_Occurred() ? NULL : AdBytes_FromStringAndSize(buf, len);
    AdMem_Free(buf);
    return r;
}

/* ---- methods of bytes alone (the shared ones are in bytes_methods.c) ------------------ */

AdObject *bytes_getnewargs(AdObject *self, AdObject *unused)
{
    (void)unused;
    AdObject *c = AdBytes_FromStringAndSize(AdBytes_AS_STRING(self), AD_SIZE(self));
    if (!c)
        return NULL;
    AdObject *t = AdTuple_Pack(1, c);
    Ad_DECREF(c);
    return t;
}

AdObject *bytes_dunder_bytes(AdObject *self, AdObject *unused)
{
    (void)unused;
    if (AdBytes_CheckExact(self))
        return Ad_NewRef(self);
    return AdBytes_FromStringAndSize(AdBytes_AS_STRING(self), AD_SIZE(self));
}

static AdObject *bytes_mod(AdObject *v, AdObject *w)
{
    if (!AdBytes_Check(v))
        Ad_RETURN_NOTIMPLEMENTED;
    return bytes_printf(AdBytes_AS_STRING(v), AD_SIZE(v), w);
}

static AdNumberMethods bytes_as_number = {
    .nb_remainder = bytes_mod,
};

static AdSequenceMethods bytes_as_sequence = {
    .sq_length = bytes_length,
    .sq_concat = bytes_concat,
    .sq_repeat = bytes_repeat,
    .sq_item = bytes_item,
    .sq_contains = bytes_contains,
};

static AdMappingMethods bytes_as_mapping = {
    .mp_length = bytes_length,
    .mp_subscript = bytes_subscript,
};

/* The bytes made by bytes(...) for a subclass: an instance of type with
 * the data of the exact bytes r (stolen). */
static AdObject *bytes_subtype_from(AdTypeObject *type, AdObject *r)
{
    if (!r || type == &AdBytes_Type)
        return r;
    Ad_ssize_t n = AD_SIZE(r);
    AdObject *o = type->tp_alloc(type, n);
    if (o) {
        memcpy(AdBytes_AS_STRING(o), AdBytes_AS_STRING(r), (size_t)n + 1);
        ((AdBytesObject *)o)->hash = -1;
    }
    Ad_DECREF(r);
    return o;
}

int bytes_encoding_args(const char *fname, AdObject *encoding, AdObject *errors,
                        const char **enc, const char **err)
{
    AdObject *objs[2] = {encoding, errors};
    const char *names[2] = {"encoding", "errors"};
    const char **outs[2] = {enc, err};
    *enc = "utf-8";
    *err = NULL;            /* the codec's default, as CPython passes it */
    for (int i = 0; i < 2; i++) {
        if (!objs[i])
            continue;
        if (!AdStr_Check(objs[i])) {
            AdErr_Format(AdExc_TypeError, "%s() argument '%s' must be str, not %.100s", fname, names[i],
                         str_tname(objs[i]));
            return -1;
        }
        Ad_ssize_t sz;
        const char *c = AdStr_AsUTF8AndSize(objs[i], &sz);
        if (!c)
            return -1;
        if ((Ad_ssize_t)strlen(c) != sz) {
            AdErr_SetString(AdExc_ValueError, "embedded null character");
            return -1;
        }
        *outs[i] = c;
    }
    return 0;
}

static AdObject *bytes_new_exact(AdObject *x, AdObject *encoding, AdObject *errors)
{
    if (!x) {
        if (encoding || errors) {
            AdErr_SetString(AdExc_TypeError, encoding ? "encoding without a string argument"
                                                      : "errors without a string argument");
            return NULL;
        }
        return AdBytes_FromStringAndSize("", 0);
    }
    if (encoding) {
        if (!AdStr_Check(x)) {
            AdErr_SetString(AdExc_TypeError, "encoding without a string argument");
            return NULL;
        }
        const char *enc, *err;
        if (bytes_encoding_args("bytes", encoding, errors, &enc, &err) < 0)
            return NULL;
        return str_encode(x, enc, err);
    }
    if (errors) {
        AdErr_SetString(AdExc_TypeError, AdStr_Check(x) ? "string argument without an encoding"
                                                        : "errors without a string argument");
        return NULL;
    }
    static AdObject *dunder_bytes;
    if (!AdStr_InternStatic(&dunder_bytes, "__bytes__"))
        return NULL;
    AdObject *meth = AdObject_LookupSpecial(x, dunder_bytes);
    if (meth) {
        AdObject *r = AdObject_CallNoArgs(meth);
        Ad_DECREF(meth);
        if (!r)
            return NULL;
        if (!AdBytes_Check(r)) {
            AdErr_Format(AdExc_TypeError, "__bytes__ returned non-bytes (type %.200s)", str_tname(r));
            Ad_DECREF(r);
            return NULL;
        }
        return r;
    }
    if (AdErr_Occurred())
        return NULL;
    if (AdStr_Check(x)) {
        AdErr_SetString(AdExc_TypeError, "string argument without an encoding");
        return NULL;
    }
    if (str_has_index(x)) {
        Ad_ssize_t n = str_as_ssize(x, AdExc_OverflowError);
        if (n == -1 && AdErr_Occurred()) {
            if (!AdErr_ExceptionMatches(AdExc_TypeError))
                return NULL;
            AdErr_Clear();
        } else {
            if (n < 0) {
                AdErr_SetString(AdExc_ValueError, "negative count");
                return NULL;
            }
            AdObject *r = AdBytes_FromStringAndSize(NULL, n);
            if (r && n)
                memset(AdBytes_AS_STRING(r), 0, (size_t)n);
            return r;
        }
    }
    return AdBytes_FromObject(x);
}

static AdObject *bytes_new(AdTypeObject *type, AdObject *args, AdObject *kwargs)
{
    static const char *const names[] = {"source", "encoding", "errors"};
    AdObject *a[3];
    Ad_ssize_t nargs = args ? AdTuple_GET_SIZE(args) : 0;
    Ad_ssize_t nkw = kwargs ? AdDict_GET_SIZE(kwargs) : 0;
    if (nargs + nkw > 3) {
        AdErr_Format(AdExc_TypeError, "bytes() takes at most 3 arguments (%zd given)", nargs + nkw);
        return NULL;
    }
    if (ad_num_parse_args("bytes", args ? AdTuple_ITEMS(args) : NULL, nargs, NULL, kwargs, names,
                          3, 0, 3, 0, a) < 0)
        return NULL;
    AdObject *r = bytes_new_exact(a[0], a[1], a[2]);
    return bytes_subtype_from(type, r);
}

AdTypeObject AdBytes_Type = {
    .ob_base = AD_STATIC_VAR_INIT(&AdType_Type, 0),
    .tp_name = "bytes",
    .tp_basicsize = offsetof(AdBytesObject, data) + 1,
    .tp_itemsize = 1,
    .tp_dealloc = bytes_dealloc,
    .tp_repr = bytes_repr,
    .tp_as_number = &bytes_as_number,
    .tp_as_sequence = &bytes_as_sequence,
    .tp_as_mapping = &bytes_as_mapping,
    .tp_hash = bytes_hash,
    .tp_as_buffer = &bytes_as_buffer,
    .tp_flags = AD_TPFLAGS_BASETYPE | AD_TPFLAGS_BYTES_SUBCLASS | AD_TPFLAGS_IMMUTABLETYPE,
    .tp_doc = "bytes(iterable_of_ints) -> bytes\n"
              "bytes(string, encoding[, errors]) -> bytes\n"
              "bytes(bytes_or_buffer) -> immutable copy of bytes_or_buffer\n"
              "bytes(int) -> bytes object of size given by the parameter initialized with null bytes\n"
              "bytes() -> empty bytes object",
    .tp_richcompare = bytes_richcompare,
    .tp_iter = bytes_iter,
    .tp_methods = ad_bytes_methods,
    .tp_new = bytes_new,
};

#endif /* STR_KERNEL_READY */
