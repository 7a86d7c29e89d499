/* bytearray.c: bytearray, the mutable byte string: an over-allocating
 * buffer with a start offset (deleting from the front only moves the
 * start), refused resizing while buffer views are exported, the sequence
 * and mapping slots with slice assignment and deletion of any step, +=
 * and *=, comparisons with any bytes-like object, construction
 * (bytearray(int | iterable | buffer | str, encoding, errors)) and the
 * methods that mutate it. The methods it shares with bytes are in
 * bytes_methods.c. */
#include "objects/bytes_internal.h"
#if STR_KERNEL_READY
#include "memory/alloc.h"
#include "memory/gc.h"
#include "objects/abstract.h"
#include "objects/dict.h"
#include "objects/int.h"
#include "objects/list.h"
#include "objects/slice.h"
#include "objects/tuple.h"
#include "objects/typeobject.h"
#include "objects/object_reduce.h"

#define BA(o) ((AdByteArrayObject *)(o))

/* The data of an empty bytearray that owns no allocation (never written
 * but for its terminating NUL, which is already 0). */
static char empty_data[1];

#define MAX_BYTES ((Ad_ssize_t)(SIZE_MAX >> 2))

static int exports_error(void)
{
    AdErr_SetString(AdExc_BufferError, "Existing exports of data: object cannot be re-sized");
    return -1;
}

static void init_fields(AdByteArrayObject *b)
{
    b->ob_base.ob_size = 0;
    b->alloc = 0;
    b->bytes = NULL;
    b->start = empty_data;
    b->exports = 0;
}

AdObject *bytearray_new_empty(Ad_ssize_t size)
{
    if (size < 0) {
        AdErr_BadInternalCall();
        return NULL;
    }
    if (size > MAX_BYTES)
        return AdErr_NoMemory();
    AdByteArrayObject *b = (AdByteArrayObject *)AdObject_New(&AdByteArray_Type);
    if (!b)
        return NULL;
    init_fields(b);
    if (size > 0) {
        b->bytes = AdMem_Malloc((size_t)size + 1);
        if (!b->bytes) {
            AdObject_Free(b);
            return AdErr_NoMemory();
        }
        b->alloc = size + 1;
        b->start = b->bytes;
        b->start[size] = 0;
        b->ob_base.ob_size = size;
    }
    return (AdObject *)b;
}

AdObject *AdByteArray_FromStringAndSize(const char *s, Ad_ssize_t size)
{
    if (size < 0) {
        AdErr_SetString(AdExc_SystemError, "Negative size passed to AdByteArray_FromStringAndSize");
        return NULL;
    }
    AdObject *r = bytearray_new_empty(size);
    if (r && s && size)
        memcpy(BA(r)->start, s, (size_t)size);
    return r;
}

/* Sets the logical size to size, growing or shrinking the allocation by
 * the over-allocation policy: growth by a little (up to 1/8) reserves
 * about an eighth more; larger growth is exact; a size below half the
 * allocation shrinks it to fit. Refused while views are exported. */
int AdByteArray_Resize(AdObject *o, Ad_ssize_t size)
{
    AdByteArrayObject *b = BA(o);
    if (size < 0) {
        AdErr_Format(AdExc_SystemError, "AdByteArray_Resize: negative size %zd", size);
        return -1;
    }
    if (size == b->ob_base.ob_size)
        return 0;
    if (b->exports > 0)
        return exports_error();
    if (size > MAX_BYTES) {
        AdErr_NoMemory();
        return -1;
    }
    Ad_ssize_t offset = b->bytes ? b->start - b->bytes : 0;
    Ad_ssize_t alloc = b->alloc, want;
    if (size + offset + 1 <= alloc) {
        if (size >= alloc / 2) {
            b->ob_base.ob_size = size;
            b->start[size] = 0;
            return 0;
        }
        want = size + 1;
    } else if ((double)size <= (double)alloc * 1.125) {
        want = size + (size >> 3) + (size < 9 ? 3 : 6);
    } else {
        want = size + 1;
    }
    char *nb;
    if (offset > 0 || !b->bytes) {
        nb = AdMem_Malloc((size_t)want);
        if (!nb) {
            AdErr_NoMemory();
            return -1;
        }
        Ad_ssize_t keep = b->ob_base.ob_size < size ? b->ob_base.ob_size : size;
        if (keep)
            memcpy(nb, b->start, (size_t)keep);
        AdMem_Free(b->bytes);
    } else {
        nb = AdMem_Realloc(b->bytes, (size_t)want);
        if (!nb) {
            AdErr_NoMemory();
            return -1;
        }
    }
    b->bytes = nb;
    b->start = nb;
    b->alloc = want;
    b->ob_base.ob_size = size;
    nb[size] = 0;
    return 0;
}

/* Drops n bytes from the front (n <= size) by moving the start. */
static int drop_front(AdByteArrayObject *b, Ad_ssize_t n)
{
    if (n == 0)
        return 0;
    if (b->exports > 0)
        return exports_error();
    Ad_ssize_t size = b->ob_base.ob_size - n;
    if (size < b->alloc / 2) {
        /* shrinking below half: a fresh exact allocation */
        char *nb = AdMem_Malloc((size_t)size + 1);
        if (!nb) {
            AdErr_NoMemory();
            return -1;
        }
        memcpy(nb, b->start + n, (size_t)size);
        nb[size] = 0;
        AdMem_Free(b->bytes);
        b->bytes = nb;
        b->start = nb;
        b->alloc = size + 1;
        b->ob_base.ob_size = size;
        return 0;
    }
    b->start += n;
    b->ob_base.ob_size = size;
    return 0;
}

static void bytearray_dealloc(AdObject *o)
{
    AdByteArrayObject *b = BA(o);
    AdMem_Free(b->bytes);
    AdTypeObject *t = AD_TYPE(o);
    if (t->tp_free)
        t->tp_free(o);
    else
        AdObject_Free(o);
}

/* ---- buffer protocol ----------------------------------------------------------- */

static int bytearray_getbuffer(AdObject *o, AdBuffer *view, int flags)
{
    AdByteArrayObject *b = BA(o);
    if (!view) {
        AdErr_SetString(AdExc_BufferError, "bytearray_getbuffer: view==NULL argument is obsolete");
        return -1;
    }
    if (AdBuffer_FillInfo(view, o, b->start, b->ob_base.ob_size, 0, flags) < 0)
        return -1;
    b->exports++;
    return 0;
}

static void bytearray_releasebuffer(AdObject *o, AdBuffer *view)
{
    (void)view;
    BA(o)->exports--;
}

static AdBufferProcs bytearray_as_buffer = { bytearray_getbuffer, bytearray_releasebuffer };

/* ---- repr and comparison ---------------------------------------------------------- */

static AdObject *bytearray_repr(AdObject *o)
{
    const unsigned char *p = (const unsigned char *)BA(o)->start;
    Ad_ssize_t n = AD_SIZE(o);
    int sq = 0, dq = 0;
    for (Ad_ssize_t i = 0; i < n; i++) {
        if (p[i] == '\'') sq = 1;
        else if (p[i] == '"') dq = 1;
    }
    char q = (sq && !dq) ? '"' : '\'';
    const char *name = AD_TYPE(o)->tp_name;
    const char *dot = strrchr(name, '.');
    if (dot && !(AD_TYPE(o)->tp_flags & AD_TPFLAGS_HEAPTYPE))
        name = dot + 1;
    AdStrWriter w;
    AdStrWriter_Init(&w);
    if (str_writer_reserve(&w, n + 16) < 0 || AdStrWriter_WriteASCII(&w, name, (Ad_ssize_t)strlen(name)) < 0 ||
        AdStrWriter_WriteASCII(&w, "(b", 2) < 0 || AdStrWriter_WriteChar(&w, (uint32_t)q) < 0)
        goto fail;
    for (Ad_ssize_t i = 0; i < n; i++) {
        unsigned c = p[i];
        char buf[5];
        int len;
        static const char hexd[] = "0123456789abcdef";
        /* the single quote is escaped even inside double quotes */
        if (c == (unsigned)q || c == '\'' || c == '\\') { buf[0] = '\\'; buf[1] = (char)c; len = 2; }
        else if (c == '\t') { buf[0] = '\\'; buf[1] = 't'; len = 2; }
        else if (c == '\n') { buf[0] = '\\'; buf[1] = 'n'; len = 2; }
        else if (c == '\r') { buf[0] = '\\'; buf[1] = 'r'; len = 2; }
        else if (c < 0x20 || c >= 0x7F) {
            buf[0] = '\\'; buf[1] = 'x'; buf[2] = hexd[c >> 4]; buf[3] = hexd[c & 15]; len = 4;
        } else { buf[0] = (char)c; len = 1; }
        if (AdStrWriter_WriteASCII(&w, buf, len) < 0)
            goto fail;
    }
    if (AdStrWriter_WriteChar(&w, (uint32_t)q) < 0 || AdStrWriter_WriteChar(&w, ')') < 0)
        goto fail;
    return AdStrWriter_Finish(&w);
fail:
    AdStrWriter_Dealloc(&w);
    return NULL;
}

AdObject *bytes_compare_buffers(const char *a, Ad_ssize_t la, const char *b, Ad_ssize_t lb, int op)
{
    if ((op == AD_EQ || op == AD_NE) && la != lb)
        return str_bool(op == AD_NE);
    Ad_ssize_t m = la < lb ? la : lb;
    int c = m ? memcmp(a, b, (size_t)m) : 0;
    if (c == 0)
        c = la < lb ? -1 : la > lb ? 1 : 0;
    return str_bool(ad_cmp_result(c, op));
}

static AdObject *bytearray_richcompare(AdObject *self, AdObject *other, int op)
{
    AdBuffer va, vb;
    if (!str_is_bytes_like(self) || !str_is_bytes_like(other))
        Ad_RETURN_NOTIMPLEMENTED;
    if (AdObject_GetBuffer(self, &va, AD_BUF_SIMPLE) < 0) {
        AdErr_Clear();
        Ad_RETURN_NOTIMPLEMENTED;
    }
    if (AdObject_GetBuffer(other, &vb, AD_BUF_SIMPLE) < 0) {
        AdErr_Clear();
        AdBuffer_Release(&va);
        Ad_RETURN_NOTIMPLEMENTED;
    }
    AdObject *r = bytes_compare_buffers(va.buf, va.len, vb.buf, vb.len, op);
    AdBuffer_Release(&va);
    AdBuffer_Release(&vb);
    return r;
}

/* ---- sequence --------------------------------------------------------------------- */

static Ad_ssize_t bytearray_length(AdObject *o) { return AD_SIZE(o); }

static AdObject *bytearray_item(AdObject *o, Ad_ssize_t i)
{
    if (i < 0 || i >= AD_SIZE(o)) {
        AdErr_SetString(AdExc_IndexError, "bytearray index out of range");
        return NULL;
    }
    return str_int_from_ssize((unsigned char)BA(o)->start[i]);
}

static AdObject *bytearray_concat(AdObject *a, AdObject *b)
{
    AdBuffer va, vb;
    if (AdObject_GetBuffer(a, &va, AD_BUF_SIMPLE) < 0)
        goto bad;
    if (AdObject_GetBuffer(b, &vb, AD_BUF_SIMPLE) < 0) {
        AdBuffer_Release(&va);
        goto bad;
    }
    AdObject *r = NULL;
    if (va.len > MAX_BYTES - vb.len)
        AdErr_NoMemory();
    else if ((r = bytearray_new_empty(va.len + vb.len))) {
        memcpy(BA(r)->start, va.buf, (size_t)va.len);
        memcpy(BA(r)->start + va.len, vb.buf, (size_t)vb.len);
    }
    AdBuffer_Release(&va);
    AdBuffer_Release(&vb);
    return r;
bad:
    AdErr_Clear();
    return AdErr_Format(AdExc_TypeError, "can't concat %.100s to %.100s", str_tname(b), str_tname(a));
}

static AdObject *bytearray_iconcat(AdObject *self, AdObject *other)
{
    AdBuffer vo;
    if (AdObject_GetBuffer(other, &vo, AD_BUF_SIMPLE) < 0) {
        AdErr_Clear();
        return AdErr_Format(AdExc_TypeError, "can't concat %.100s to %.100s", str_tname(other),
                            str_tname(self));
    }
    Ad_ssize_t n = AD_SIZE(self);
    if (n > MAX_BYTES - vo.len) {
        AdBuffer_Release(&vo);
        return AdErr_NoMemory();
    }
    /* other may be self: its view pins the data, so copy it first */
    char *tmp = NULL;
    const char *src = vo.buf;
    if (vo.obj == self && vo.len) {
        tmp = AdMem_Malloc((size_t)vo.len);
        if (!tmp) {
            AdBuffer_Release(&vo);
            return AdErr_NoMemory();
        }
        memcpy(tmp, vo.buf, (size_t)vo.len);
        src = tmp;
    }
    Ad_ssize_t add = vo.len;
    AdBuffer_Release(&vo);
    if (AdByteArray_Resize(self, n + add) < 0) {
        AdMem_Free(tmp);
        return NULL;
    }
    if (add)
        memcpy(BA(self)->start + n, src, (size_t)add);
    AdMem_Free(tmp);
    return Ad_NewRef(self);
}

static AdObject *bytearray_repeat(AdObject *o, Ad_ssize_t count)
{
    Ad_ssize_t n = AD_SIZE(o);
    if (count < 0)
        count = 0;
    if (count && n > MAX_BYTES / count)
        return AdErr_NoMemory();
    AdObject *r = bytearray_new_empty(n * count);
    if (!r)
        return NULL;
    for (Ad_ssize_t i = 0; i < count; i++)
        memcpy(BA(r)->start + i * n, BA(o)->start, (size_t)n);
    return r;
}

static AdObject *bytearray_irepeat(AdObject *self, Ad_ssize_t count)
{
    Ad_ssize_t n = AD_SIZE(self);
    if (count < 0)
        count = 0;
    if (count && n > MAX_BYTES / count)
        return AdErr_NoMemory();
    if (AdByteArray_Resize(self, n * count) < 0)
        return NULL;
    char *d = BA(self)->start;
    for (Ad_ssize_t i = 1; i < count; i++)
        memcpy(d + i * n, d, (size_t)n);
    return Ad_NewRef(self);
}

static int bytearray_contains(AdObject *o, AdObject *x)
{
    if (str_has_index(x)) {
        int v = bytes_byte_value(x);
        if (v < 0)
            return -1;
        return memchr(BA(o)->start, v, (size_t)AD_SIZE(o)) != NULL;
    }
    AdBuffer view;
    if (AdObject_GetBuffer(x, &view, AD_BUF_SIMPLE) < 0)
        return -1;
    Ad_ssize_t r = str_search(1, BA(o)->start, 0, AD_SIZE(o), 1, view.buf, view.len, 1);
    AdBuffer_Release(&view);
    return r >= 0;
}

/* Replaces self[lo:hi] with n bytes from src (src may point into self). */
static int replace_range(AdObject *self, Ad_ssize_t lo, Ad_ssize_t hi, const char *src, Ad_ssize_t n)
{
    AdByteArrayObject *b = BA(self);
    Ad_ssize_t size = b->ob_base.ob_size, growth = n - (hi - lo);
    char *tmp = NULL;
    if (n && src >= b->start && src < b->start + size + 1) {
        tmp = AdMem_Malloc((size_t)n);
        if (!tmp) {
            AdErr_NoMemory();
            return -1;
        }
        memcpy(tmp, src, (size_t)n);
        src = tmp;
    }
    if (growth < 0) {
        if (b->exports > 0) {
            AdMem_Free(tmp);
            return exports_error();
        }
        if (lo == 0) {
            /* deleting from the front: move the start */
            if (drop_front(b, -growth) < 0) {
                AdMem_Free(tmp);
                return -1;
            }
        } else {
            memmove(b->start + lo + n, b->start + hi, (size_t)(size - hi));
            if (AdByteArray_Resize(self, size + growth) < 0) {
                AdMem_Free(tmp);
                return -1;
            }
        }
    } else if (growth > 0) {
        if (size > MAX_BYTES - growth) {
            AdMem_Free(tmp);
            AdErr_NoMemory();
            return -1;
        }
        if (AdByteArray_Resize(self, size + growth) < 0) {
            AdMem_Free(tmp);
            return -1;
        }
        memmove(b->start + lo + n, b->start + hi, (size_t)(size - hi));
    }
    if (n)
        memcpy(b->start + lo, src, (size_t)n);
    AdMem_Free(tmp);
    return 0;
}

static int bytearray_ass_item(AdObject *self, Ad_ssize_t i, AdObject *value)
{
    int v = 0;
    if (value && (v = bytes_byte_value(value)) < 0)
        return -1;
    if (i < 0 || i >= AD_SIZE(self)) {
        AdErr_SetString(AdExc_IndexError, "bytearray index out of range");
        return -1;
    }
    if (!value)
        return replace_range(self, i, i + 1, NULL, 0);
    BA(self)->start[i] = (char)v;
    return 0;
}

/* A bytearray copy of the right-hand side of a slice assignment. */
static AdObject *assigned_bytes(AdObject *value)
{
    AdNumberMethods *nb = AD_TYPE(value)->tp_as_number;
    if (AdStr_Check(value) ||
        (nb && (nb->nb_index || nb->nb_int || nb->nb_float))) {
        AdErr_SetString(AdExc_TypeError, "can assign only bytes, buffers, or iterables of ints in range(0, 256)");
        return NULL;
    }
    AdObject *args = AdTuple_Pack(1, value);
    if (!args)
        return NULL;
    AdObject *r = AdObject_Call((AdObject *)&AdByteArray_Type, args, NULL);
    Ad_DECREF(args);
    return r;
}

static AdObject *bytearray_subscript(AdObject *self, AdObject *key)
{
    if (str_has_index(key)) {
        Ad_ssize_t i = str_as_ssize(key, AdExc_IndexError);
        if (i == -1 && AdErr_Occurred())
            return NULL;
        if (i < 0)
            i += AD_SIZE(self);
        return bytearray_item(self, i);
    }
    if (str_is_slice(key)) {
        Ad_ssize_t start, step, n;
        if (str_slice_indices(key, AD_SIZE(self), &start, &step, &n) < 0)
            return NULL;
        if (n <= 0)
            return bytearray_new_empty(0);
        const char *src = BA(self)->start;
        if (step == 1)
            return AdByteArray_FromStringAndSize(src + start, n);
        AdObject *r = bytearray_new_empty(n);
        if (!r)
            return NULL;
        char *d = BA(r)->start;
        for (Ad_ssize_t i = 0, j = start; i < n; i++, j += step)
            d[i] = src[j];
        return r;
    }
    return AdErr_Format(AdExc_TypeError, "bytearray indices must be integers or slices, not %.200s",
                        str_tname(key));
}

static int bytearray_ass_subscript(AdObject *self, AdObject *key, AdObject *value)
{
    if (str_has_index(key)) {
        Ad_ssize_t i = str_as_ssize(key, AdExc_IndexError);
        if (i == -1 && AdErr_Occurred())
            return -1;
        if (i < 0)
            i += AD_SIZE(self);
        return bytearray_ass_item(self, i, value);
    }
    if (!str_is_slice(key)) {
        AdErr_Format(AdExc_TypeError, "bytearray indices must be integers or slices, not %.200s",
                     str_tname(key));
        return -1;
    }
    Ad_ssize_t start, stop, step, n;
    if (AdSlice_Unpack(key, &start, &stop, &step) < 0)
        return -1;
    AdObject *copy = NULL;
    const char *src = NULL;
    Ad_ssize_t vlen = 0;
    if (value) {
        if (AdByteArray_Check(value) && value != self) {
            src = BA(value)->start;
            vlen = AD_SIZE(value);
        } else {
            copy = assigned_bytes(value);
            if (!copy)
                return -1;
            src = BA(copy)->start;
            vlen = AD_SIZE(copy);
        }
    }
    n = AdSlice_AdjustIndices(AD_SIZE(self), &start, &stop, step);
    int r = 0;
    if (step == 1) {
        if (stop < start)
            stop = start;
        r = replace_range(self, start, stop, src, vlen);
    } else if (!value) {
        /* delete an extended slice: compact the kept bytes */
        if (n > 0) {
            if (BA(self)->exports > 0) {
                Ad_XDECREF(copy);
                return exports_error();
            }
            if (step < 0) {
                start = start + step * (n - 1);
                step = -step;
            }
            char *d = BA(self)->start;
            Ad_ssize_t size = AD_SIZE(self), w = start, k = start;
            Ad_ssize_t del = 0;
            for (; k < size; k++) {
                if (del < n && k == start + del * step) {
                    del++;
                    continue;
                }
                d[w++] = d[k];
            }
            r = AdByteArray_Resize(self, size - n);
        }
    } else {
        if (vlen != n) {
            AdErr_Format(AdExc_ValueError, "attempt to assign bytes of size %zd to extended slice of size %zd",
                         vlen, n);
            r = -1;
        } else {
            char *d = BA(self)->start;
            for (Ad_ssize_t i = 0, j = start; i < n; i++, j += step)
                d[j] = src[i];
        }
    }
    Ad_XDECREF(copy);
    return r;
}

static AdObject *bytearray_mod(AdObject *v, AdObject *w)
{
    if (!AdByteArray_Check(v))
        Ad_RETURN_NOTIMPLEMENTED;
    AdObject *b = bytes_printf(BA(v)->start, AD_SIZE(v), w);
    if (!b)
        return NULL;
    AdObject *r = AdByteArray_FromStringAndSize(AdBytes_AS_STRING(b), AD_SIZE(b));
    Ad_DECREF(b);
    return r;
}

/* ---- iteration ---------------------------------------------------------------------- */

typedef struct {
    AdObject_HEAD;
    AdObject *seq;              /* NULL when exhausted */
    Ad_ssize_t index;
} bytearrayiterobject;

static AdObject *bytearray_iter(AdObject *o)
{
    bytearrayiterobject *it = (bytearrayiterobject *)AdObject_GC_New(&AdByteArrayIter_Type);
    if (!it)
        return NULL;
    it->seq = Ad_NewRef(o);
    it->index = 0;
    AdObject_GC_Track((AdObject *)it);
    return (AdObject *)it;
}

static AdObject *bytearrayiter_next(AdObject *o)
{
    bytearrayiterobject *it = (bytearrayiterobject *)o;
    if (!it->seq)
        return NULL;
    if (it->index < AD_SIZE(it->seq))
        return AdInt_FromInt64((unsigned char)AdByteArray_AS_STRING(it->seq)[it->index++]);
    AD_CLEAR(it->seq);
    return NULL;
}

static AdObject *bytearrayiter_length_hint(AdObject *o, AdObject *unused)
{
    (void)unused;
    bytearrayiterobject *it = (bytearrayiterobject *)o;
    Ad_ssize_t n = it->seq ? AD_SIZE(it->seq) - it->index : 0;
    return AdInt_FromSsize_t(n < 0 ? 0 : n);
}

static void bytearrayiter_dealloc(AdObject *o)
{
    AdObject_GC_UnTrack(o);
    Ad_XDECREF(((bytearrayiterobject *)o)->seq);
    AdObject_GC_Del(o);
}

static int bytearrayiter_traverse(AdObject *o, visitproc visit, void *arg)
{
    bytearrayiterobject *it = (bytearrayiterobject *)o;
    return it->seq ? visit(it->seq, arg) : 0;
}

static AdObject *bytearrayiter_reduce(AdObject *o, AdObject *unused)
{
    (void)unused;
    bytearrayiterobject *it = (bytearrayiterobject *)o;
    return AdIter_Reduce("iter", it->seq, AdTuple_New(0), it->index);
}

static AdObject *bytearrayiter_setstate(AdObject *o, AdObject *state)
{
    bytearrayiterobject *it = (bytearrayiterobject *)o;
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

static AdMethodDef bytearrayiter_methods[] = {
    {"__reduce__", (void (*)(void))bytearrayiter_reduce, AD_METH_NOARGS, "Return state information for pickling."},
    {"__setstate__", (void (*)(void))bytearrayiter_setstate, AD_METH_O, "Set state information for unpickling."},
    {"__length_hint__", (void (*)(void))bytearrayiter_length_hint, AD_METH_NOARGS,
     "Private method returning an estimate of len(list(it))."},
    {NULL, NULL, 0, NULL},
};

AdTypeObject AdByteArrayIter_Type = {
    .ob_base = AD_STATIC_VAR_INIT(&AdType_Type, 0),
    .tp_name = "bytearray_iterator",
    .tp_basicsize = sizeof(bytearrayiterobject),
    .tp_dealloc = bytearrayiter_dealloc,
    .tp_flags = AD_TPFLAGS_HAVE_GC,
    .tp_traverse = bytearrayiter_traverse,
    .tp_iter = AdObject_SelfIter,
    .tp_iternext = bytearrayiter_next,
    .tp_methods = bytearrayiter_methods,
};

/* ---- construction ------------------------------------------------------------------ */

/* Appends the ints of an iterable (items checked as bytearray() does). */
static int extend_from_iter(AdObject *self, AdObject *it)
{
    AdObject *item;
    while ((item = AdIter_Next(it))) {
        int v = bytes_byte_value(item);
        Ad_DECREF(item);
        if (v < 0)
            return -1;
        Ad_ssize_t n = AD_SIZE(self);
        if (AdByteArray_Resize(self, n + 1) < 0)
            return -1;
        BA(self)->start[n] = (char)v;
    }
    return AdErr_Occurred() ? -1 : 0;
}

static int bytearray_init(AdObject *self, AdObject *args, AdObject *kwargs)
{
    static const char *const names[] = {"source", "encoding", "errors"};
    AdObject *a[3];
    Ad_ssize_t nargs = args ? AdTuple_GET_SIZE(args) : 0;
    Ad_ssize_t nkw = kwargs ? AdDict_GET_SIZE(kwargs) : 0;
    if (nargs + nkw > 3) {
        AdErr_Format(AdExc_TypeError, "bytearray() takes at most 3 arguments (%zd given)", nargs + nkw);
        return -1;
    }
    if (ad_num_parse_args("bytearray", args ? AdTuple_ITEMS(args) : NULL, nargs, NULL, kwargs,
                          names, 3, 0, 3, 0, a) < 0)
        return -1;
    AdObject *x = a[0], *encoding = a[1], *errors = a[2];
    if (AD_SIZE(self) != 0 && AdByteArray_Resize(self, 0) < 0)
        return -1;
    if (!x) {
        if (encoding || errors) {
            AdErr_SetString(AdExc_TypeError, encoding ? "encoding without a string argument"
                                                      : "errors without a string argument");
            return -1;
        }
        return 0;
    }
    if (AdStr_Check(x)) {
        if (!encoding) {
            AdErr_SetString(AdExc_TypeError, "string argument without an encoding");
            return -1;
        }
        const char *enc, *err;
        if (bytes_encoding_args("bytearray", encoding, errors, &enc, &err) < 0)
            return -1;
        AdObject *b = str_encode(x, enc, err);
        if (!b)
            return -1;
        if (!AdBytes_Check(b)) {
            Ad_DECREF(b);
            AdErr_SetString(AdExc_TypeError, "encoder did not return a bytes object");
            return -1;
        }
        int r = AdByteArray_Resize(self, AD_SIZE(b));
        if (r == 0 && AD_SIZE(b))
            memcpy(BA(self)->start, AdBytes_AS_STRING(b), (size_t)AD_SIZE(b));
        Ad_DECREF(b);
        return r;
    }
    if (encoding || errors) {
        AdErr_SetString(AdExc_TypeError, encoding ? "encoding without a string argument"
                                                  : "errors without a string argument");
        return -1;
    }
    if (str_has_index(x)) {
        Ad_ssize_t n = str_as_ssize(x, AdExc_OverflowError);
        if (n == -1 && AdErr_Occurred()) {
            if (!AdErr_ExceptionMatches(AdExc_TypeError))
                return -1;
            AdErr_Clear();
        } else {
            if (n < 0) {
                AdErr_SetString(AdExc_ValueError, "negative count");
                return -1;
            }
            if (n > 0) {
                if (AdByteArray_Resize(self, n) < 0)
                    return -1;
                memset(BA(self)->start, 0, (size_t)n);
            }
            return 0;
        }
    }
    if (str_is_bytes_like(x)) {
        AdBuffer view;
        if (AdObject_GetBuffer(x, &view, AD_BUF_FULL_RO) < 0)
            return -1;
        int r = 0;
        if (view.len) {
            /* x may be self (now empty), so the view is never self's data here */
            r = AdByteArray_Resize(self, view.len);
            if (r == 0)
                AdBuffer_ToContiguous(BA(self)->start, &view);
        }
        AdBuffer_Release(&view);
        return r;
    }
    AdObject *it = AdObject_GetIter(x);
    if (!it) {
        if (AdErr_ExceptionMatches(AdExc_TypeError)) {
            AdErr_Clear();
            AdErr_Format(AdExc_TypeError, "cannot convert '%.200s' object to bytearray", str_tname(x));
        }
        return -1;
    }
    int r = extend_from_iter(self, it);
    Ad_DECREF(it);
    return r;
}

static AdObject *bytearray_tp_new(AdTypeObject *type, AdObject *args, AdObject *kwargs)
{
    (void)args;
    (void)kwargs;
    AdObject *o = type->tp_alloc(type, 0);
    if (!o)
        return NULL;
    init_fields(BA(o));
    return o;
}

/* ---- methods of bytearray alone ------------------------------------------------------ */

AdObject *bytearray_m_alloc(AdObject *self, AdObject *unused)
{
    (void)unused;
    return str_int_from_ssize(BA(self)->alloc);
}

AdObject *bytearray_m_sizeof(AdObject *self, AdObject *unused)
{
    (void)unused;
    return str_int_from_ssize(AD_TYPE(self)->tp_basicsize + BA(self)->alloc);
}

AdObject *bytearray_m_append(AdObject *self, AdObject *item)
{
    int v = bytes_byte_value(item);
    if (v < 0)
        return NULL;
    Ad_ssize_t n = AD_SIZE(self);
    if (n == MAX_BYTES) {
        AdErr_SetString(AdExc_OverflowError, "cannot add more objects to bytearray");
        return NULL;
    }
    if (AdByteArray_Resize(self, n + 1) < 0)
        return NULL;
    BA(self)->start[n] = (char)v;
    Ad_RETURN_NONE;
}

AdObject *bytearray_m_clear(AdObject *self, AdObject *unused)
{
    (void)unused;
    if (AdByteArray_Resize(self, 0) < 0)
        return NULL;
    Ad_RETURN_NONE;
}

AdObject *bytearray_m_copy(AdObject *self, AdObject *unused)
{
    (void)unused;
    return AdByteArray_FromStringAndSize(BA(self)->start, AD_SIZE(self));
}

AdObject *bytearray_m_extend(AdObject *self, AdObject *iterable)
{
    if (str_is_bytes_like(iterable)) {
        AdObject *r = bytearray_iconcat(self, iterable);
        if (!r)
            return NULL;
        Ad_DECREF(r);
        Ad_RETURN_NONE;
    }
    if (AdStr_Check(iterable))
        return AdErr_Format(AdExc_TypeError, "expected iterable of integers; got: 'str'");
    AdObject *it = AdObject_GetIter(iterable);
    if (!it) {
        if (AdErr_ExceptionMatches(AdExc_TypeError)) {
            AdErr_Clear();
            AdErr_Format(AdExc_TypeError, "can't extend bytearray with %.100s", str_tname(iterable));
        }
        return NULL;
    }
    /* collect first, so that a failing item leaves self unchanged */
    AdObject *tmp = bytearray_new_empty(0);
    if (!tmp) {
        Ad_DECREF(it);
        return NULL;
    }
    int r = extend_from_iter(tmp, it);
    Ad_DECREF(it);
    if (r == 0) {
        AdObject *x = bytearray_iconcat(self, tmp);
        if (!x)
            r = -1;
        Ad_XDECREF(x);
    }
    Ad_DECREF(tmp);
    if (r < 0)
        return NULL;
    Ad_RETURN_NONE;
}

AdObject *bytearray_m_insert(AdObject *self, AdObject *const *args, Ad_ssize_t nargs)
{
    if (str_check_positional("insert", nargs, 2, 2) < 0)
        return NULL;
    Ad_ssize_t where = str_index_arg(args[0]);
    if (where == -1 && AdErr_Occurred())
        return NULL;
    int v = bytes_byte_value(args[1]);
    if (v < 0)
        return NULL;
    Ad_ssize_t n = AD_SIZE(self);
    if (n == MAX_BYTES) {
        AdErr_SetString(AdExc_OverflowError, "cannot add more objects to bytearray");
        return NULL;
    }
    if (where < 0) {
        where += n;
        if (where < 0)
            where = 0;
    }
    if (where > n)
        where = n;
    if (AdByteArray_Resize(self, n + 1) < 0)
        return NULL;
    char *d = BA(self)->start;
    memmove(d + where + 1, d + where, (size_t)(n - where));
    d[where] = (char)v;
    Ad_RETURN_NONE;
}

AdObject *bytearray_m_pop(AdObject *self, AdObject *const *args, Ad_ssize_t nargs)
{
    if (str_check_positional("pop", nargs, 0, 1) < 0)
        return NULL;
    Ad_ssize_t where = -1, n = AD_SIZE(self);
    if (nargs == 1) {
        where = str_index_arg(args[0]);
        if (where == -1 && AdErr_Occurred())
            return NULL;
    }
    if (n == 0) {
        AdErr_SetString(AdExc_IndexError, "pop from empty bytearray");
        return NULL;
    }
    if (where < 0)
        where += n;
    if (where < 0 || where >= n) {
        AdErr_SetString(AdExc_IndexError, "pop index out of range");
        return NULL;
    }
    unsigned char c = (unsigned char)BA(self)->start[where];
    if (replace_range(self, where, where + 1, NULL, 0) < 0)
        return NULL;
    return str_int_from_ssize(c);
}

AdObject *bytearray_m_remove(AdObject *self, AdObject *value)
{
    int v = bytes_byte_value(value);
    if (v < 0)
        return NULL;
    const char *d = BA(self)->start;
    const char *p = memchr(d, v, (size_t)AD_SIZE(self));
    if (!p) {
        AdErr_SetString(AdExc_ValueError, "value not found in bytearray");
        return NULL;
    }
    Ad_ssize_t i = p - d;
    if (replace_range(self, i, i + 1, NULL, 0) < 0)
        return NULL;
    Ad_RETURN_NONE;
}

AdObject *bytearray_m_reverse(AdObject *self, AdObject *unused)
{
    (void)unused;
    char *d = BA(self)->start;
    for (Ad_ssize_t i = 0, j = AD_SIZE(self) - 1; i < j; i++, j--) {
        char t = d[i];
        d[i] = d[j];
        d[j] = t;
    }
    Ad_RETURN_NONE;
}

AdObject *bytearray_m_resize(AdObject *self, AdObject *size)
{
    Ad_ssize_t n = str_index_arg(size);
    if (n == -1 && AdErr_Occurred())
        return NULL;
    if (n < 0)
        return AdErr_Format(AdExc_ValueError, "Can only resize to positive sizes, got %zd", n);
    Ad_ssize_t old = AD_SIZE(self);
    if (AdByteArray_Resize(self, n) < 0)
        return NULL;
    if (n > old)
        memset(BA(self)->start + old, 0, (size_t)(n - old));
    Ad_RETURN_NONE;
}

static AdObject *reduce_common(AdObject *self, int proto)
{
    AdObject *state = Ad_None;
    AdObject **dp = AdObject_GetDictPtr(self);
    if (dp && *dp && AdDict_GET_SIZE(*dp) > 0)
        state = *dp;
    AdObject *args;
    if (AD_SIZE(self) == 0) {
        args = AdTuple_New(0);
    } else if (proto < 3) {
        AdObject *s = AdStr_FromKindAndData(1, BA(self)->start, AD_SIZE(self));
        if (!s)
            return NULL;
        AdObject *enc = AdStr_FromString("latin-1");
        if (!enc) {
            Ad_DECREF(s);
            return NULL;
        }
        args = AdTuple_Pack(2, s, enc);
        Ad_DECREF(s);
        Ad_DECREF(enc);
    } else {
        AdObject *b = AdBytes_FromStringAndSize(BA(self)->start, AD_SIZE(self));
        if (!b)
            return NULL;
        args = AdTuple_Pack(1, b);
        Ad_DECREF(b);
    }
    if (!args)
        return NULL;
    AdObject *r = AdTuple_Pack(3, (AdObject *)AD_TYPE(self), args, state);
    Ad_DECREF(args);
    return r;
}

AdObject *bytearray_m_reduce(AdObject *self, AdObject *unused)
{
    (void)unused;
    return reduce_common(self, 2);
}

AdObject *bytearray_m_reduce_ex(AdObject *self, AdObject *const *args, Ad_ssize_t nargs)
{
    if (str_check_positional("__reduce_ex__", nargs, 0, 1) < 0)
        return NULL;
    Ad_ssize_t proto = 0;
    if (nargs == 1) {
        proto = str_index_arg(args[0]);
        if (proto == -1 && AdErr_Occurred())
            return NULL;
    }
    return reduce_common(self, (int)(proto > 3 ? 3 : proto));
}

/* ---- the type ------------------------------------------------------------------------ */

static AdNumberMethods bytearray_as_number = {
    .nb_remainder = bytearray_mod,
};

static AdSequenceMethods bytearray_as_sequence = {
    .sq_length = bytearray_length,
    .sq_concat = bytearray_concat,
    .sq_repeat = bytearray_repeat,
    .sq_item = bytearray_item,
    .sq_ass_item = bytearray_ass_item,
    .sq_contains = bytearray_contains,
    .sq_inplace_concat = bytearray_iconcat,
    .sq_inplace_repeat = bytearray_irepeat,
};

static AdMappingMethods bytearray_as_mapping = {
    .mp_length = bytearray_length,
    .mp_subscript = bytearray_subscript,
    .mp_ass_subscript = bytearray_ass_subscript,
};

AdTypeObject AdByteArray_Type = {
    .ob_base = AD_STATIC_VAR_INIT(&AdType_Type, 0),
    .tp_name = "bytearray",
    .tp_basicsize = sizeof(AdByteArrayObject),
    .tp_dealloc = bytearray_dealloc,
    .tp_repr = bytearray_repr,
    .tp_as_number = &bytearray_as_number,
    .tp_as_sequence = &bytearray_as_sequence,
    .tp_as_mapping = &bytearray_as_mapping,
    .tp_hash = AdObject_HashNotImplemented,
    .tp_as_buffer = &bytearray_as_buffer,
    .tp_flags = AD_TPFLAGS_BASETYPE,
    .tp_doc = "bytearray(iterable_of_ints) -> bytearray\n"
              "bytearray(string, encoding[, errors]) -> bytearray\n"
              "bytearray(bytes_or_buffer) -> mutable copy of bytes_or_buffer\n"
              "bytearray(int) -> bytes array of size given by the parameter initialized with null bytes\n"
              "bytearray() -> empty bytes array\n\n"
              "Construct a mutable bytearray object from:\n"
              "  - an iterable yielding integers in range(256)\n"
              "  - a text string encoded using the specified encoding\n"
              "  - a bytes or a buffer object\n"
              "  - any object implementing the buffer API.\n"
              "  - an integer",
    .tp_richcompare = bytearray_richcompare,
    .tp_iter = bytearray_iter,
    .tp_methods = ad_bytearray_methods,
    .tp_init = bytearray_init,
    .tp_new = bytearray_tp_new,
};

#endif /* STR_KERNEL_READY */
