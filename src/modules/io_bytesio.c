/* io_bytesio.c: _io.BytesIO, a binary stream over a growable in-memory
 * buffer, and _io._BytesIOBuffer, the exporter behind getbuffer() whose
 * views keep the BytesIO from being resized ("Existing exports of data:
 * object cannot be re-sized"). */
#include <stddef.h>
#include <stdlib.h>
#include <string.h>

#include "modules/io_internal.h"
#include "memory/gc.h"
#include "objects/abstract.h"
#include "objects/args.h"
#include "objects/bytes.h"
#include "objects/dict.h"
#include "objects/errors.h"
#include "objects/exceptions.h"
#include "objects/int.h"
#include "objects/list.h"
#include "objects/memoryview.h"
#include "objects/str.h"
#include "objects/tuple.h"
#include "objects/typeobject.h"

#define BIO(o) ((io_bytesio *)(o))

#define CHECK_CLOSED(b) do { if ((b)->closed) return io_err_closed(); } while (0)
#define CHECK_EXPORTS(b) do { if ((b)->exports > 0) return exports_error(); } while (0)

static AdObject *exports_error(void)
{
    AdErr_SetString(AdExc_BufferError, "Existing exports of data: object cannot be re-sized");
    return NULL;
}

static int reserve(io_bytesio *b, Ad_ssize_t need)
{
    if (need <= b->alloc)
        return 0;
    Ad_ssize_t cap = b->alloc ? b->alloc : 64;
    while (cap < need)
        cap = cap + cap / 2 + 16;
    char *nb = realloc(b->buf, (size_t)cap);
    if (!nb) {
        AdErr_NoMemory();
        return -1;
    }
    b->buf = nb;
    b->alloc = cap;
    return 0;
}

/* Writes n bytes at the position (zero-filling a gap). -1 or n. */
static Ad_ssize_t bio_write_bytes(io_bytesio *b, const char *data, Ad_ssize_t n)
{
    if (n == 0)
        return 0;
    Ad_ssize_t end = b->pos + n;
    if (reserve(b, end) < 0)
        return -1;
    if (b->pos > b->size)
        memset(b->buf + b->size, 0, (size_t)(b->pos - b->size));
    memmove(b->buf + b->pos, data, (size_t)n);
    b->pos = end;
    if (end > b->size)
        b->size = end;
    return n;
}

static AdObject *bytesio_new(AdTypeObject *type, AdObject *args, AdObject *kwds)
{
    (void)args;
    (void)kwds;
    return type->tp_alloc(type, 0);
}

static int bytesio_init(AdObject *self, AdObject *args, AdObject *kwds)
{
    static const char *const names[] = {"initial_bytes", NULL};
    AdObject *v[1];
    io_bytesio *b = BIO(self);
    if (io_parse_init("BytesIO", args, kwds, names, 0, 0, v) < 0)
        return -1;
    if (b->exports > 0) {
        exports_error();
        return -1;
    }
    b->size = b->pos = 0;
    b->closed = 0;
    if (v[0] && v[0] != Ad_None) {
        AdBuffer view;
        if (AdObject_GetBuffer(v[0], &view, AD_BUF_SIMPLE) < 0)
            return -1;
        Ad_ssize_t r = bio_write_bytes(b, view.buf, view.len);
        AdBuffer_Release(&view);
        if (r < 0)
            return -1;
        b->pos = 0;
    }
    return 0;
}

static void bytesio_dealloc(AdObject *self)
{
    AdObject_GC_UnTrack(self);
    free(BIO(self)->buf);
    BIO(self)->buf = NULL;
    io_base_clear_head(self);
    AD_TYPE(self)->tp_free(self);
}

static int bytesio_clear(AdObject *self)
{
    io_base_clear_head(self);
    return 0;
}

static AdObject *bytesio_getvalue(AdObject *self, AdObject *unused)
{
    (void)unused;
    io_bytesio *b = BIO(self);
    CHECK_CLOSED(b);
    return AdBytes_FromStringAndSize(b->buf, b->size);
}

static AdObject *read_n(io_bytesio *b, Ad_ssize_t n)
{
    Ad_ssize_t avail = b->size > b->pos ? b->size - b->pos : 0;
    if (n < 0 || n > avail)
        n = avail;
    AdObject *r = AdBytes_FromStringAndSize(n ? b->buf + b->pos : "", n);
    if (r)
        b->pos += n;
    return r;
}

static AdObject *bytesio_read(AdObject *self, AdObject *const *args, Ad_ssize_t nargs)
{
    io_bytesio *b = BIO(self);
    if (AdArg_CheckPositional("read", nargs, 0, 1) < 0)
        return NULL;
    CHECK_CLOSED(b);
    Ad_ssize_t n;
    if (io_size_arg(nargs ? args[0] : NULL, &n) < 0)
        return NULL;
    return read_n(b, n);
}

static Ad_ssize_t line_len(io_bytesio *b, Ad_ssize_t limit)
{
    Ad_ssize_t avail = b->size > b->pos ? b->size - b->pos : 0;
    if (limit >= 0 && limit < avail)
        avail = limit;
    const char *start = b->buf + b->pos;
    const char *nl = avail ? memchr(start, '\n', (size_t)avail) : NULL;
    return nl ? (nl - start) + 1 : avail;
}

static AdObject *bytesio_readline(AdObject *self, AdObject *const *args, Ad_ssize_t nargs)
{
    io_bytesio *b = BIO(self);
    if (AdArg_CheckPositional("readline", nargs, 0, 1) < 0)
        return NULL;
    CHECK_CLOSED(b);
    Ad_ssize_t n;
    if (io_size_arg(nargs ? args[0] : NULL, &n) < 0)
        return NULL;
    return read_n(b, line_len(b, n));
}

static AdObject *bytesio_readlines(AdObject *self, AdObject *const *args, Ad_ssize_t nargs)
{
    io_bytesio *b = BIO(self);
    if (AdArg_CheckPositional("readlines", nargs, 0, 1) < 0)
        return NULL;
    CHECK_CLOSED(b);
    Ad_ssize_t hint;
    if (io_size_arg(nargs ? args[0] : NULL, &hint) < 0)
        return NULL;
    AdObject *res = AdList_New(0);
    if (!res)
        return NULL;
    Ad_ssize_t total = 0;
    for (;;) {
        Ad_ssize_t n = line_len(b, -1);
        if (n == 0)
            break;
        AdObject *line = read_n(b, n);
        if (!line || AdList_Append(res, line) < 0) {
            Ad_XDECREF(line);
            Ad_DECREF(res);
            return NULL;
        }
        Ad_DECREF(line);
        total += n;
        if (hint > 0 && total >= hint)
            break;
    }
    return res;
}

static AdObject *bytesio_iternext(AdObject *self)
{
    io_bytesio *b = BIO(self);
    if (b->closed)
        return io_err_closed();
    if (!Ad_IS_TYPE(self, &AdBytesIO_Type))
        return io_iternext_readline(self);
    Ad_ssize_t n = line_len(b, -1);
    if (n == 0)
        return NULL;
    return read_n(b, n);
}

static AdObject *bytesio_readinto(AdObject *self, AdObject *arg)
{
    io_bytesio *b = BIO(self);
    CHECK_CLOSED(b);
    AdBuffer view;
    if (AdObject_GetBuffer(arg, &view, AD_BUF_WRITABLE) < 0)
        return NULL;
    Ad_ssize_t avail = b->size > b->pos ? b->size - b->pos : 0;
    Ad_ssize_t n = view.len < avail ? view.len : avail;
    if (n)
        memcpy(view.buf, b->buf + b->pos, (size_t)n);
    b->pos += n;
    AdBuffer_Release(&view);
    return AdInt_FromSsize_t(n);
}

static AdObject *bytesio_write(AdObject *self, AdObject *arg)
{
    io_bytesio *b = BIO(self);
    CHECK_CLOSED(b);
    CHECK_EXPORTS(b);
    AdBuffer view;
    if (AdObject_GetBuffer(arg, &view, AD_BUF_SIMPLE) < 0)
        return NULL;
    Ad_ssize_t r = bio_write_bytes(b, view.buf, view.len);
    AdBuffer_Release(&view);
    if (r < 0)
        return NULL;
    return AdInt_FromSsize_t(r);
}

static AdObject *bytesio_writelines(AdObject *self, AdObject *lines)
{
    io_bytesio *b = BIO(self);
    CHECK_CLOSED(b);
    AdObject *it = AdObject_GetIter(lines);
    if (!it)
        return NULL;
    AdObject *line;
    while ((line = AdIter_Next(it))) {
        AdObject *r = bytesio_write(self, line);
        Ad_DECREF(line);
        if (!r) {
            Ad_DECREF(it);
            return NULL;
        }
        Ad_DECREF(r);
    }
    Ad_DECREF(it);
    if (AdErr_Occurred())
        return NULL;
    Ad_RETURN_NONE;
}

static AdObject *bytesio_seek(AdObject *self, AdObject *const *args, Ad_ssize_t nargs)
{
    io_bytesio *b = BIO(self);
    if (AdArg_CheckPositional("seek", nargs, 1, 2) < 0)
        return NULL;
    Ad_ssize_t pos = AdNumber_AsSsize_t(args[0], AdExc_OverflowError);
    if (pos == -1 && AdErr_Occurred())
        return NULL;
    int64_t whence = 0;
    if (nargs > 1 && (whence = AdInt_AsInt64(args[1])) == -1 && AdErr_Occurred())
        return NULL;
    CHECK_CLOSED(b);
    if (whence < 0 || whence > 2)
        return AdErr_Format(AdExc_ValueError, "invalid whence (%lld, should be 0, 1 or 2)", (long long)whence);
    if (whence == 0 && pos < 0)
        return AdErr_Format(AdExc_ValueError, "negative seek value %zd", pos);
    if (whence == 1)
        pos = pos > 0 && b->pos > AD_SSIZE_MAX_IO - pos ? AD_SSIZE_MAX_IO : b->pos + pos;
    else if (whence == 2)
        pos = pos > 0 && b->size > AD_SSIZE_MAX_IO - pos ? AD_SSIZE_MAX_IO : b->size + pos;
    if (pos < 0)
        pos = 0;
    b->pos = pos;
    return AdInt_FromSsize_t(pos);
}

static AdObject *bytesio_tell(AdObject *self, AdObject *unused)
{
    (void)unused;
    CHECK_CLOSED(BIO(self));
    return AdInt_FromSsize_t(BIO(self)->pos);
}

static AdObject *bytesio_truncate(AdObject *self, AdObject *const *args, Ad_ssize_t nargs)
{
    io_bytesio *b = BIO(self);
    if (AdArg_CheckPositional("truncate", nargs, 0, 1) < 0)
        return NULL;
    CHECK_CLOSED(b);
    CHECK_EXPORTS(b);
    Ad_ssize_t size = b->pos;
    if (nargs && args[0] != Ad_None) {
        if (!AdIndex_Check(args[0]))
            return AdErr_Format(AdExc_TypeError, "argument should be integer or None, not '%s'",
                                AdType_Name(AD_TYPE(args[0])));
        size = AdNumber_AsSsize_t(args[0], AdExc_OverflowError);
        if (size == -1 && AdErr_Occurred())
            return NULL;
        if (size < 0)
            return AdErr_Format(AdExc_ValueError, "negative size value %zd", size);
    }
    if (size < b->size)
        b->size = size;
    return AdInt_FromSsize_t(size);
}

static AdObject *true_if_open(AdObject *self, AdObject *unused)
{
    (void)unused;
    CHECK_CLOSED(BIO(self));
    Ad_RETURN_TRUE;
}

static AdObject *bytesio_isatty(AdObject *self, AdObject *unused)
{
    (void)unused;
    CHECK_CLOSED(BIO(self));
    Ad_RETURN_FALSE;
}

static AdObject *bytesio_flush(AdObject *self, AdObject *unused)
{
    (void)unused;
    CHECK_CLOSED(BIO(self));
    Ad_RETURN_NONE;
}

static AdObject *bytesio_close(AdObject *self, AdObject *unused)
{
    (void)unused;
    io_bytesio *b = BIO(self);
    CHECK_EXPORTS(b);
    b->closed = 1;
    free(b->buf);
    b->buf = NULL;
    b->alloc = b->size = 0;
    Ad_RETURN_NONE;
}

static AdObject *bytesio_closed_get(AdObject *self, void *c)
{
    (void)c;
    return AdBool_FromLong(BIO(self)->closed);
}

static AdObject *bytesio_getstate(AdObject *self, AdObject *unused)
{
    (void)unused;
    io_bytesio *b = BIO(self);
    CHECK_CLOSED(b);
    AdObject *v = AdBytes_FromStringAndSize(b->buf, b->size);
    AdObject *d = b->dict ? AdDict_Copy(b->dict) : Ad_NewRef(Ad_None);
    AdObject *p = AdInt_FromSsize_t(b->pos);
    AdObject *r = v && d && p ? AdTuple_Pack(3, v, p, d) : NULL;
    Ad_XDECREF(v);
    Ad_XDECREF(d);
    Ad_XDECREF(p);
    return r;
}

static AdObject *bytesio_setstate(AdObject *self, AdObject *state)
{
    io_bytesio *b = BIO(self);
    if (!AdTuple_Check(state) || AdTuple_GET_SIZE(state) < 3)
        return AdErr_Format(AdExc_TypeError, "%s.__setstate__ argument should be 3-tuple, got %s",
                            AdType_Name(AD_TYPE(self)), AdType_Name(AD_TYPE(state)));
    CHECK_EXPORTS(b);
    AdBuffer view;
    if (AdObject_GetBuffer(AdTuple_GET_ITEM(state, 0), &view, AD_BUF_SIMPLE) < 0)
        return NULL;
    b->size = b->pos = 0;
    Ad_ssize_t r = bio_write_bytes(b, view.buf, view.len);
    AdBuffer_Release(&view);
    if (r < 0)
        return NULL;
    Ad_ssize_t pos = AdNumber_AsSsize_t(AdTuple_GET_ITEM(state, 1), AdExc_OverflowError);
    if (pos == -1 && AdErr_Occurred())
        return NULL;
    if (pos < 0)
        return AdErr_Format(AdExc_ValueError, "position value cannot be negative");
    b->pos = pos;
    AdObject *d = AdTuple_GET_ITEM(state, 2);
    if (d != Ad_None) {
        if (!b->dict && !(b->dict = AdDict_New()))
            return NULL;
        if (AdDict_Merge(b->dict, d, 1) < 0)
            return NULL;
    }
    Ad_RETURN_NONE;
}

static AdObject *bytesio_sizeof(AdObject *self, AdObject *unused)
{
    (void)unused;
    return AdInt_FromSsize_t((Ad_ssize_t)sizeof(io_bytesio) + BIO(self)->alloc);
}

/* ---- getbuffer ----------------------------------------------------------------- */

typedef struct {
    AdObject_HEAD;
    AdObject *source;           /* the BytesIO */
} io_bytesio_buffer;

static int biobuf_getbuffer(AdObject *self, AdBuffer *view, int flags)
{
    io_bytesio *b = BIO(((io_bytesio_buffer *)self)->source);
    if (reserve(b, b->size ? b->size : 1) < 0)
        return -1;
    if (AdBuffer_FillInfo(view, self, b->buf, b->size, 0, flags) < 0)
        return -1;
    b->exports++;
    return 0;
}

static void biobuf_releasebuffer(AdObject *self, AdBuffer *view)
{
    (void)view;
    BIO(((io_bytesio_buffer *)self)->source)->exports--;
}

static AdBufferProcs biobuf_as_buffer = {biobuf_getbuffer, biobuf_releasebuffer};

static void biobuf_dealloc(AdObject *self)
{
    AdObject_GC_UnTrack(self);
    AD_CLEAR(((io_bytesio_buffer *)self)->source);
    AdObject_GC_Del(self);
}

static int biobuf_traverse(AdObject *self, visitproc visit, void *arg)
{
    AdObject *s = ((io_bytesio_buffer *)self)->source;
    return s ? visit(s, arg) : 0;
}

AdTypeObject AdBytesIOBuffer_Type = {
    .ob_base = AD_STATIC_VAR_INIT(&AdType_Type, 0),
    .tp_name = "_io._BytesIOBuffer",
    .tp_basicsize = sizeof(io_bytesio_buffer),
    .tp_dealloc = biobuf_dealloc,
    .tp_getattro = AdObject_GenericGetAttr,
    .tp_as_buffer = &biobuf_as_buffer,
    .tp_flags = AD_TPFLAGS_HAVE_GC,
    .tp_traverse = biobuf_traverse,
    .tp_free = AdObject_GC_Del,
};

static AdObject *bytesio_getbuffer(AdObject *self, AdObject *unused)
{
    (void)unused;
    CHECK_CLOSED(BIO(self));
    io_bytesio_buffer *e = (io_bytesio_buffer *)AdObject_GC_New(&AdBytesIOBuffer_Type);
    if (!e)
        return NULL;
    e->source = Ad_NewRef(self);
    AdObject_GC_Track((AdObject *)e);
    AdObject *mv = AdMemoryView_FromObject((AdObject *)e);
    Ad_DECREF((AdObject *)e);
    return mv;
}

#define M(name, fn, flags) {name, (void (*)(void))(fn), flags, NULL}
static AdMethodDef bytesio_methods[] = {
    M("getvalue", bytesio_getvalue, AD_METH_NOARGS),
    M("getbuffer", bytesio_getbuffer, AD_METH_NOARGS),
    M("read", bytesio_read, AD_METH_FASTCALL),
    M("read1", bytesio_read, AD_METH_FASTCALL),
    M("readline", bytesio_readline, AD_METH_FASTCALL),
    M("readlines", bytesio_readlines, AD_METH_FASTCALL),
    M("readinto", bytesio_readinto, AD_METH_O),
    M("write", bytesio_write, AD_METH_O),
    M("writelines", bytesio_writelines, AD_METH_O),
    M("seek", bytesio_seek, AD_METH_FASTCALL),
    M("tell", bytesio_tell, AD_METH_NOARGS),
    M("truncate", bytesio_truncate, AD_METH_FASTCALL),
    M("readable", true_if_open, AD_METH_NOARGS),
    M("writable", true_if_open, AD_METH_NOARGS),
    M("seekable", true_if_open, AD_METH_NOARGS),
    M("isatty", bytesio_isatty, AD_METH_NOARGS),
    M("flush", bytesio_flush, AD_METH_NOARGS),
    M("close", bytesio_close, AD_METH_NOARGS),
    M("__getstate__", bytesio_getstate, AD_METH_NOARGS),
    M("__setstate__", bytesio_setstate, AD_METH_O),
    M("__sizeof__", bytesio_sizeof, AD_METH_NOARGS),
    {NULL, NULL, 0, NULL},
};

static AdGetSetDef bytesio_getset[] = {
    {"closed", bytesio_closed_get, NULL, "True if the file is closed.", NULL},
    {NULL, NULL, NULL, NULL, NULL},
};

static AdObject *bytesio_iter(AdObject *self)
{
    return Ad_NewRef(self);
}

AdTypeObject AdBytesIO_Type = {
    .ob_base = AD_STATIC_VAR_INIT(&AdType_Type, 0),
    .tp_name = "_io.BytesIO",
    .tp_basicsize = sizeof(io_bytesio),
    .tp_dealloc = bytesio_dealloc,
    .tp_getattro = AdObject_GenericGetAttr,
    .tp_setattro = AdObject_GenericSetAttr,
    .tp_flags = AD_TPFLAGS_HAVE_GC | AD_TPFLAGS_BASETYPE,
    .tp_doc = "BytesIO(initial_bytes=b'')\n--\n\nBuffered I/O implementation using an in-memory bytes buffer.",
    .tp_traverse = io_base_traverse,
    .tp_clear = bytesio_clear,
    .tp_iter = bytesio_iter,
    .tp_iternext = bytesio_iternext,
    .tp_methods = bytesio_methods,
    .tp_getset = bytesio_getset,
    .tp_base = &AdBufferedIOBase_Type,
    .tp_dictoffset = offsetof(io_bytesio, dict),
    .tp_weaklistoffset = offsetof(io_bytesio, weakreflist),
    .tp_init = bytesio_init,
    .tp_alloc = AdType_GenericAlloc,
    .tp_new = bytesio_new,
    .tp_free = AdObject_GC_Del,
};
