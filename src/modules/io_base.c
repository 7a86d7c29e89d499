/* io_base.c: the abstract bases of the _io classes: _IOBase (the default
 * methods every stream has: closed/close/flush, the context manager,
 * iteration, readline/readlines/writelines, seek/tell/truncate/fileno
 * raising UnsupportedOperation, finalization closing the stream),
 * _RawIOBase (read and readall over readinto), _BufferedIOBase and
 * _TextIOBase (methods raising UnsupportedOperation), and the helpers the
 * other io_*.c files share (io_internal.h). Messages are CPython 3.14's. */
#include <stddef.h>
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
#include "objects/str.h"
#include "objects/tuple.h"
#include "objects/typeobject.h"

/* ---- shared helpers ---------------------------------------------------------- */

AdObject *io_err_closed(void)
{
    AdErr_SetString(AdExc_ValueError, "I/O operation on closed file.");
    return NULL;
}

AdObject *io_unsupported(const char *msg)
{
    AdErr_SetString(io_UnsupportedOperation ? io_UnsupportedOperation : AdExc_OSError, msg);
    return NULL;
}

AdObject *io_call0(AdObject *obj, const char *name)
{
    return AdObject_CallMethod(obj, AdStr_InternFromString(name), NULL, 0);
}

AdObject *io_call1(AdObject *obj, const char *name, AdObject *arg)
{
    return AdObject_CallMethod(obj, AdStr_InternFromString(name), &arg, 1);
}

int io_object_closed(AdObject *obj)
{
    AdObject *v = AdObject_GetAttr(obj, AdStr_InternFromString("closed"));
    if (!v)
        return -1;
    int r = AdObject_IsTrue(v);
    Ad_DECREF(v);
    return r;
}

int io_check_closed_attr(AdObject *obj)
{
    int c = io_object_closed(obj);
    if (c < 0)
        return -1;
    if (c) {
        io_err_closed();
        return -1;
    }
    return 0;
}

int io_parse_init(const char *fname, AdObject *args, AdObject *kwds, const char *const *names,
                  int npos_only, int nrequired, AdObject **out)
{
    Ad_ssize_t nargs = args ? AdTuple_GET_SIZE(args) : 0;
    Ad_ssize_t nkw = kwds ? AdDict_GET_SIZE(kwds) : 0;
    AdObject *stack[16];
    if (nargs + nkw > 16)
        return AdArg_CheckPositional(fname, nargs, 0, 8) < 0 ? -1
            : (AdErr_Format(AdExc_TypeError, "%s() got too many arguments", fname), -1);
    for (Ad_ssize_t i = 0; i < nargs; i++)
        stack[i] = AdTuple_GET_ITEM(args, i);
    AdObject *kwnames = NULL;
    if (nkw) {
        kwnames = AdTuple_New(nkw);
        if (!kwnames)
            return -1;
        Ad_ssize_t pos = 0, k = 0;
        AdObject *key, *val;
        while (AdDict_Next(kwds, &pos, &key, &val)) {
            Ad_INCREF(key);
            AdTuple_SET_ITEM(kwnames, k, key);
            stack[nargs + k] = val;
            k++;
        }
    }
    int r = AdArg_Parse(fname, stack, nargs, kwnames, names, npos_only, nrequired, out);
    Ad_XDECREF(kwnames);
    return r;
}

int io_size_arg(AdObject *o, Ad_ssize_t *out)
{
    if (!o || o == Ad_None) {
        *out = -1;
        return 0;
    }
    if (!AdIndex_Check(o)) {
        AdErr_Format(AdExc_TypeError, "argument should be integer or None, not '%s'", AdType_Name(AD_TYPE(o)));
        return -1;
    }
    Ad_ssize_t v = AdNumber_AsSsize_t(o, AdExc_OverflowError);
    if (v == -1 && AdErr_Occurred())
        return -1;
    *out = v;
    return 0;
}

/* ---- lifetime ------------------------------------------------------------------ */

int io_base_traverse(AdObject *self, visitproc visit, void *arg)
{
    io_base *b = (io_base *)self;
    if (b->dict) {
        int r = visit(b->dict, arg);
        if (r)
            return r;
    }
    return 0;
}

void io_base_clear_head(AdObject *self)
{
    AD_CLEAR(((io_base *)self)->dict);
}

void io_base_finalize(AdObject *self)
{
    io_base *b = (io_base *)self;
    if (b->finalizing)
        return;
    AdObject *saved = AdErr_GetRaisedException();
    int closed = io_object_closed(self);
    if (closed < 0) {
        AdErr_Clear();  /* a half-made object: nothing to close */
        closed = 1;
    }
    if (!closed) {
        b->finalizing = 1;
        AdObject *r = io_call0(self, "close");
        if (r)
            Ad_DECREF(r);
        else {
            AdObject *exc = AdErr_GetRaisedException();
            AdObject *rep = AdObject_Repr(self);
            const char *text = rep ? AdStr_AsUTF8(rep) : NULL;
            if (!text)
                AdErr_Clear();
            AdErr_SetRaisedException(exc);
            AdErr_FormatUnraisable("Exception ignored while finalizing file %s", text ? text : "<object>");
            Ad_XDECREF(rep);
        }
    }
    else
        b->finalizing = 1;
    AdErr_SetRaisedException(saved);
}

int io_dealloc_finalize(AdObject *self)
{
    if (((io_base *)self)->finalizing)
        return 0;
    Ad_INCREF(self);
    io_base_finalize(self);
    if (--self->ob_refcnt > 0)
        return 1;
    return 0;
}

static void iobase_dealloc(AdObject *self)
{
    if (io_dealloc_finalize(self))
        return;
    AdObject_GC_UnTrack(self);
    io_base_clear_head(self);
    AD_TYPE(self)->tp_free(self);
}

static int iobase_clear(AdObject *self)
{
    io_base_clear_head(self);
    return 0;
}

/* ---- _IOBase methods ---------------------------------------------------------- */

static AdObject *iobase_seek(AdObject *self, AdObject *const *args, Ad_ssize_t nargs)
{
    (void)self;
    (void)args;
    (void)nargs;
    return io_unsupported("seek");
}

static AdObject *iobase_tell(AdObject *self, AdObject *unused)
{
    (void)unused;
    AdObject *a[2] = {AdInt_FromInt64(0), AdInt_FromInt64(1)};
    AdObject *r = AdObject_CallMethod(self, AdStr_InternFromString("seek"), a, 2);
    Ad_DECREF(a[0]);
    Ad_DECREF(a[1]);
    return r;
}

static AdObject *iobase_truncate(AdObject *self, AdObject *const *args, Ad_ssize_t nargs)
{
    (void)self;
    (void)args;
    (void)nargs;
    return io_unsupported("truncate");
}

static AdObject *iobase_flush(AdObject *self, AdObject *unused)
{
    (void)unused;
    /* The base's own flag: subclasses may not have made "closed" yet. */
    if (((io_base *)self)->iob_closed)
        return io_err_closed();
    Ad_RETURN_NONE;
}

static AdObject *iobase_close(AdObject *self, AdObject *unused)
{
    (void)unused;
    io_base *b = (io_base *)self;
    if (b->iob_closed)
        Ad_RETURN_NONE;
    AdObject *r = io_call0(self, "flush");
    b->iob_closed = 1;
    if (!r)
        return NULL;
    Ad_DECREF(r);
    Ad_RETURN_NONE;
}

static AdObject *iobase_closed_get(AdObject *self, void *c)
{
    (void)c;
    return AdBool_FromLong(((io_base *)self)->iob_closed);
}

static AdObject *ret_false(AdObject *self, AdObject *unused)
{
    (void)self;
    (void)unused;
    Ad_RETURN_FALSE;
}

static AdObject *checker(AdObject *self, const char *meth, const char *msg)
{
    AdObject *r = io_call0(self, meth);
    if (!r)
        return NULL;
    int t = AdObject_IsTrue(r);
    Ad_DECREF(r);
    if (t < 0)
        return NULL;
    if (!t)
        return io_unsupported(msg);
    Ad_RETURN_TRUE;
}

static AdObject *iobase_check_closed(AdObject *self, AdObject *const *args, Ad_ssize_t nargs)
{
    (void)args;
    if (AdArg_CheckPositional("_checkClosed", nargs, 0, 1) < 0)
        return NULL;
    if (io_check_closed_attr(self) < 0)
        return NULL;
    Ad_RETURN_NONE;
}

static AdObject *iobase_check_seekable(AdObject *self, AdObject *const *args, Ad_ssize_t nargs)
{
    (void)args;
    if (AdArg_CheckPositional("_checkSeekable", nargs, 0, 1) < 0)
        return NULL;
    return checker(self, "seekable", "File or stream is not seekable.");
}

static AdObject *iobase_check_readable(AdObject *self, AdObject *const *args, Ad_ssize_t nargs)
{
    (void)args;
    if (AdArg_CheckPositional("_checkReadable", nargs, 0, 1) < 0)
        return NULL;
    return checker(self, "readable", "File or stream is not readable.");
}

static AdObject *iobase_check_writable(AdObject *self, AdObject *const *args, Ad_ssize_t nargs)
{
    (void)args;
    if (AdArg_CheckPositional("_checkWritable", nargs, 0, 1) < 0)
        return NULL;
    return checker(self, "writable", "File or stream is not writable.");
}

static AdObject *iobase_fileno(AdObject *self, AdObject *unused)
{
    (void)self;
    (void)unused;
    return io_unsupported("fileno");
}

static AdObject *iobase_isatty(AdObject *self, AdObject *unused)
{
    (void)unused;
    if (io_check_closed_attr(self) < 0)
        return NULL;
    Ad_RETURN_FALSE;
}

static AdObject *iobase_enter(AdObject *self, AdObject *unused)
{
    (void)unused;
    if (io_check_closed_attr(self) < 0)
        return NULL;
    return Ad_NewRef(self);
}

static AdObject *iobase_exit(AdObject *self, AdObject *const *args, Ad_ssize_t nargs)
{
    (void)args;
    (void)nargs;
    return io_call0(self, "close");
}

static AdObject *iobase_iter(AdObject *self)
{
    if (io_check_closed_attr(self) < 0)
        return NULL;
    return Ad_NewRef(self);
}

AdObject *io_iternext_readline(AdObject *self)
{
    AdObject *line = io_call0(self, "readline");
    if (!line)
        return NULL;
    Ad_ssize_t n;
    if (AdStr_Check(line))
        n = AdStr_LENGTH(line);
    else if (AdBytes_Check(line))
        n = AdBytes_GET_SIZE(line);
    else {
        n = AdObject_Size(line);
        if (n < 0) {
            Ad_DECREF(line);
            return NULL;
        }
    }
    if (n == 0) {
        Ad_DECREF(line);
        return NULL;
    }
    return line;
}

static AdObject *iobase_next(AdObject *self)
{
    return io_iternext_readline(self);
}

static AdObject *iobase_readline(AdObject *self, AdObject *const *args, Ad_ssize_t nargs)
{
    if (AdArg_CheckPositional("readline", nargs, 0, 1) < 0)
        return NULL;
    Ad_ssize_t limit;
    if (io_size_arg(nargs ? args[0] : NULL, &limit) < 0)
        return NULL;
    AdObject *peek = NULL;
    if (AdObject_GetOptionalAttr(self, AdStr_InternFromString("peek"), &peek) < 0)
        return NULL;
    AdObject *out = AdByteArray_FromStringAndSize(NULL, 0);
    if (!out)
        goto fail;
    while (limit < 0 || AdByteArray_GET_SIZE(out) < limit) {
        Ad_ssize_t nread = 1;
        if (peek) {
            AdObject *one = AdInt_FromInt64(1);
            AdObject *ahead = AdObject_CallOneArg(peek, one);
            Ad_DECREF(one);
            if (!ahead)
                goto fail;
            if (!AdBytes_Check(ahead)) {
                AdErr_Format(io_UnsupportedOperation ? AdExc_OSError : AdExc_OSError,
                             "peek() should have returned a bytes object, not '%.200s'",
                             AdType_Name(AD_TYPE(ahead)));
                Ad_DECREF(ahead);
                goto fail;
            }
            Ad_ssize_t an = AdBytes_GET_SIZE(ahead);
            if (an > 0) {
                const char *p = AdBytes_AS_STRING(ahead);
                const char *nl = memchr(p, '\n', (size_t)an);
                nread = nl ? (nl - p) + 1 : an;
                if (limit >= 0 && nread > limit - AdByteArray_GET_SIZE(out))
                    nread = limit - AdByteArray_GET_SIZE(out);
            }
            Ad_DECREF(ahead);
        }
        AdObject *n = AdInt_FromInt64(nread);
        AdObject *chunk = io_call1(self, "read", n);
        Ad_DECREF(n);
        if (!chunk)
            goto fail;
        if (chunk == Ad_None) {
            Ad_DECREF(chunk);
            break;
        }
        if (!AdBytes_Check(chunk)) {
            AdErr_Format(AdExc_OSError, "read() should have returned a bytes object, not '%.200s'",
                         AdType_Name(AD_TYPE(chunk)));
            Ad_DECREF(chunk);
            goto fail;
        }
        Ad_ssize_t cn = AdBytes_GET_SIZE(chunk);
        if (cn == 0) {
            Ad_DECREF(chunk);
            break;
        }
        Ad_ssize_t old = AdByteArray_GET_SIZE(out);
        if (AdByteArray_Resize(out, old + cn) < 0) {
            Ad_DECREF(chunk);
            goto fail;
        }
        memcpy(AdByteArray_AS_STRING(out) + old, AdBytes_AS_STRING(chunk), (size_t)cn);
        int last_nl = AdBytes_AS_STRING(chunk)[cn - 1] == '\n';
        Ad_DECREF(chunk);
        if (last_nl)
            break;
    }
    Ad_XDECREF(peek);
    AdObject *r = AdBytes_FromStringAndSize(AdByteArray_AS_STRING(out), AdByteArray_GET_SIZE(out));
    Ad_DECREF(out);
    return r;
fail:
    Ad_XDECREF(peek);
    Ad_XDECREF(out);
    return NULL;
}

static AdObject *iobase_readlines(AdObject *self, AdObject *const *args, Ad_ssize_t nargs)
{
    if (AdArg_CheckPositional("readlines", nargs, 0, 1) < 0)
        return NULL;
    Ad_ssize_t hint;
    if (io_size_arg(nargs ? args[0] : NULL, &hint) < 0)
        return NULL;
    AdObject *result = AdList_New(0);
    if (!result)
        return NULL;
    AdObject *it = AdObject_GetIter(self);
    if (!it) {
        Ad_DECREF(result);
        return NULL;
    }
    Ad_ssize_t total = 0;
    AdObject *line;
    while ((line = AdIter_Next(it))) {
        if (AdList_Append(result, line) < 0) {
            Ad_DECREF(line);
            goto fail;
        }
        if (hint > 0) {
            Ad_ssize_t n = AdObject_Size(line);
            Ad_DECREF(line);
            if (n < 0)
                goto fail;
            total += n;
            if (total >= hint)
                break;
        }
        else
            Ad_DECREF(line);
    }
    if (AdErr_Occurred())
        goto fail;
    Ad_DECREF(it);
    return result;
fail:
    Ad_DECREF(it);
    Ad_DECREF(result);
    return NULL;
}

static AdObject *iobase_writelines(AdObject *self, AdObject *lines)
{
    if (io_check_closed_attr(self) < 0)
        return NULL;
    AdObject *it = AdObject_GetIter(lines);
    if (!it)
        return NULL;
    AdObject *line;
    while ((line = AdIter_Next(it))) {
        AdObject *r = io_call1(self, "write", line);
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

static AdObject *iobase_del(AdObject *self, AdObject *unused)
{
    (void)unused;
    io_base_finalize(self);
    if (AdErr_Occurred())
        return NULL;
    Ad_RETURN_NONE;
}

static AdObject *iobase_dict_get(AdObject *self, void *c)
{
    (void)c;
    io_base *b = (io_base *)self;
    if (!b->dict && !(b->dict = AdDict_New()))
        return NULL;
    return Ad_NewRef(b->dict);
}

#define M(name, fn, flags) {name, (void (*)(void))(fn), flags, NULL}
static AdMethodDef iobase_methods[] = {
    M("seek", iobase_seek, AD_METH_FASTCALL),
    M("tell", iobase_tell, AD_METH_NOARGS),
    M("truncate", iobase_truncate, AD_METH_FASTCALL),
    M("flush", iobase_flush, AD_METH_NOARGS),
    M("close", iobase_close, AD_METH_NOARGS),
    M("seekable", ret_false, AD_METH_NOARGS),
    M("readable", ret_false, AD_METH_NOARGS),
    M("writable", ret_false, AD_METH_NOARGS),
    M("_checkClosed", iobase_check_closed, AD_METH_FASTCALL),
    M("_checkSeekable", iobase_check_seekable, AD_METH_FASTCALL),
    M("_checkReadable", iobase_check_readable, AD_METH_FASTCALL),
    M("_checkWritable", iobase_check_writable, AD_METH_FASTCALL),
    M("fileno", iobase_fileno, AD_METH_NOARGS),
    M("isatty", iobase_isatty, AD_METH_NOARGS),
    M("__enter__", iobase_enter, AD_METH_NOARGS),
    M("__exit__", iobase_exit, AD_METH_FASTCALL),
    M("readline", iobase_readline, AD_METH_FASTCALL),
    M("readlines", iobase_readlines, AD_METH_FASTCALL),
    M("writelines", iobase_writelines, AD_METH_O),
    M("__del__", iobase_del, AD_METH_NOARGS),
    {NULL, NULL, 0, NULL},
};

AdMethodDef *io_base_methods_table(void) { return iobase_methods; }

static AdGetSetDef iobase_getset[] = {
    {"closed", iobase_closed_get, NULL, NULL, NULL},
    {"__dict__", iobase_dict_get, NULL, NULL, NULL},
    {NULL, NULL, NULL, NULL, NULL},
};

#define IO_BASE_FIELDS \
    .ob_base = AD_STATIC_VAR_INIT(&AdType_Type, 0), \
    .tp_basicsize = sizeof(io_base), \
    .tp_dealloc = iobase_dealloc, \
    .tp_getattro = AdObject_GenericGetAttr, \
    .tp_setattro = AdObject_GenericSetAttr, \
    .tp_flags = AD_TPFLAGS_HAVE_GC | AD_TPFLAGS_BASETYPE, \
    .tp_traverse = io_base_traverse, \
    .tp_clear = iobase_clear, \
    .tp_dictoffset = offsetof(io_base, dict), \
    .tp_weaklistoffset = offsetof(io_base, weakreflist), \
    .tp_alloc = AdType_GenericAlloc, \
    .tp_new = AdType_GenericNew, \
    .tp_free = AdObject_GC_Del, \
    .tp_finalize = io_base_finalize

AdTypeObject AdIOBase_Type = {
    IO_BASE_FIELDS,
    .tp_name = "_io._IOBase",
    .tp_doc = "The abstract base class for all I/O classes.",
    .tp_iter = iobase_iter,
    .tp_iternext = iobase_next,
    .tp_methods = iobase_methods,
    .tp_getset = iobase_getset,
};

/* ---- _RawIOBase ------------------------------------------------------------------ */

static AdObject *rawiobase_read(AdObject *self, AdObject *const *args, Ad_ssize_t nargs)
{
    if (AdArg_CheckPositional("read", nargs, 0, 1) < 0)
        return NULL;
    Ad_ssize_t n;
    if (io_size_arg(nargs ? args[0] : NULL, &n) < 0)
        return NULL;
    if (n < 0)
        return io_call0(self, "readall");
    AdObject *ba = AdByteArray_FromStringAndSize(NULL, n);
    if (!ba)
        return NULL;
    AdObject *r = io_call1(self, "readinto", ba);
    if (!r || r == Ad_None) {
        Ad_DECREF(ba);
        return r;
    }
    Ad_ssize_t got = AdNumber_AsSsize_t(r, AdExc_ValueError);
    Ad_DECREF(r);
    if (got == -1 && AdErr_Occurred()) {
        Ad_DECREF(ba);
        return NULL;
    }
    if (got < 0 || got > n) {
        Ad_DECREF(ba);
        return AdErr_Format(AdExc_ValueError, "readinto returned %zd outside buffer size %zd", got, n);
    }
    AdObject *b = AdBytes_FromStringAndSize(AdByteArray_AS_STRING(ba), got);
    Ad_DECREF(ba);
    return b;
}

static AdObject *rawiobase_readall(AdObject *self, AdObject *unused)
{
    (void)unused;
    AdObject *chunks = AdList_New(0);
    if (!chunks)
        return NULL;
    for (;;) {
        AdObject *n = AdInt_FromInt64(IO_DEFAULT_BUFFER_SIZE);
        AdObject *data = io_call1(self, "read", n);
        Ad_DECREF(n);
        if (!data) {
            Ad_DECREF(chunks);
            return NULL;
        }
        if (data == Ad_None) {
            if (AdList_GET_SIZE(chunks) == 0) {
                Ad_DECREF(chunks);
                return data;
            }
            Ad_DECREF(data);
            break;
        }
        if (!AdBytes_Check(data)) {
            Ad_DECREF(data);
            Ad_DECREF(chunks);
            AdErr_SetString(AdExc_TypeError, "read() should return bytes");
            return NULL;
        }
        if (AdBytes_GET_SIZE(data) == 0) {
            Ad_DECREF(data);
            break;
        }
        int rc = AdList_Append(chunks, data);
        Ad_DECREF(data);
        if (rc < 0) {
            Ad_DECREF(chunks);
            return NULL;
        }
    }
    AdObject *empty = AdBytes_FromStringAndSize("", 0);
    AdObject *join = AdStr_InternFromString("join");
    AdObject *r = AdObject_CallMethod(empty, join, &chunks, 1);
    Ad_DECREF(empty);
    Ad_DECREF(chunks);
    return r;
}

static AdObject *not_implemented(AdObject *self, AdObject *arg)
{
    (void)self;
    (void)arg;
    AdErr_SetNone(AdExc_NotImplementedError);
    return NULL;
}

static AdMethodDef rawiobase_methods[] = {
    M("read", rawiobase_read, AD_METH_FASTCALL),
    M("readall", rawiobase_readall, AD_METH_NOARGS),
    M("readinto", not_implemented, AD_METH_O),
    M("write", not_implemented, AD_METH_O),
    {NULL, NULL, 0, NULL},
};

AdTypeObject AdRawIOBase_Type = {
    IO_BASE_FIELDS,
    .tp_name = "_io._RawIOBase",
    .tp_doc = "Base class for raw binary I/O.",
    .tp_base = &AdIOBase_Type,
    .tp_methods = rawiobase_methods,
};

/* ---- _BufferedIOBase ---------------------------------------------------------------- */

static AdObject *unsupported_detach(AdObject *self, AdObject *unused)
{
    (void)self;
    (void)unused;
    return io_unsupported("detach");
}

static AdObject *unsupported_read(AdObject *self, AdObject *const *args, Ad_ssize_t nargs)
{
    (void)self;
    (void)args;
    (void)nargs;
    return io_unsupported("read");
}

static AdObject *unsupported_read1(AdObject *self, AdObject *const *args, Ad_ssize_t nargs)
{
    (void)self;
    (void)args;
    (void)nargs;
    return io_unsupported("read1");
}

static AdObject *unsupported_write(AdObject *self, AdObject *arg)
{
    (void)self;
    (void)arg;
    return io_unsupported("write");
}

static AdObject *readinto_generic(AdObject *self, AdObject *buf, const char *meth)
{
    AdBuffer view;
    if (AdObject_GetBuffer(buf, &view, AD_BUF_WRITABLE) < 0)
        return NULL;
    AdObject *n = AdInt_FromInt64(view.len);
    AdObject *data = n ? io_call1(self, meth, n) : NULL;
    Ad_XDECREF(n);
    if (!data) {
        AdBuffer_Release(&view);
        return NULL;
    }
    if (!AdBytes_Check(data)) {
        AdBuffer_Release(&view);
        Ad_DECREF(data);
        AdErr_SetString(AdExc_TypeError, "read() should return bytes");
        return NULL;
    }
    Ad_ssize_t len = AdBytes_GET_SIZE(data);
    if (len > view.len) {
        AdBuffer_Release(&view);
        Ad_DECREF(data);
        return AdErr_Format(AdExc_ValueError, "read() returned too much data: %zd bytes requested, %zd returned",
                            view.len, len);
    }
    memcpy(view.buf, AdBytes_AS_STRING(data), (size_t)len);
    AdBuffer_Release(&view);
    Ad_DECREF(data);
    return AdInt_FromInt64(len);
}

static AdObject *bufiobase_readinto(AdObject *self, AdObject *buf)
{
    return readinto_generic(self, buf, "read");
}

static AdObject *bufiobase_readinto1(AdObject *self, AdObject *buf)
{
    return readinto_generic(self, buf, "read1");
}

static AdMethodDef bufiobase_methods[] = {
    M("detach", unsupported_detach, AD_METH_NOARGS),
    M("read", unsupported_read, AD_METH_FASTCALL),
    M("read1", unsupported_read1, AD_METH_FASTCALL),
    M("readinto", bufiobase_readinto, AD_METH_O),
    M("readinto1", bufiobase_readinto1, AD_METH_O),
    M("write", unsupported_write, AD_METH_O),
    {NULL, NULL, 0, NULL},
};

AdTypeObject AdBufferedIOBase_Type = {
    IO_BASE_FIELDS,
    .tp_name = "_io._BufferedIOBase",
    .tp_doc = "Base class for buffered IO objects.",
    .tp_base = &AdIOBase_Type,
    .tp_methods = bufiobase_methods,
};

/* ---- _TextIOBase ------------------------------------------------------------------- */

static AdObject *unsupported_readline(AdObject *self, AdObject *const *args, Ad_ssize_t nargs)
{
    (void)self;
    (void)args;
    (void)nargs;
    return io_unsupported("readline");
}

static AdObject *ret_none_get(AdObject *self, void *c)
{
    (void)self;
    (void)c;
    Ad_RETURN_NONE;
}

static AdMethodDef textiobase_methods[] = {
    M("detach", unsupported_detach, AD_METH_NOARGS),
    M("read", unsupported_read, AD_METH_FASTCALL),
    M("readline", unsupported_readline, AD_METH_FASTCALL),
    M("write", unsupported_write, AD_METH_O),
    {NULL, NULL, 0, NULL},
};

static AdGetSetDef textiobase_getset[] = {
    {"encoding", ret_none_get, NULL, "Encoding of the text stream.\n\nSubclasses should override.", NULL},
    {"newlines", ret_none_get, NULL, "Line endings translated so far.", NULL},
    {"errors", ret_none_get, NULL, "The error setting of the decoder or encoder.", NULL},
    {NULL, NULL, NULL, NULL, NULL},
};

AdTypeObject AdTextIOBase_Type = {
    IO_BASE_FIELDS,
    .tp_name = "_io._TextIOBase",
    .tp_doc = "Base class for text I/O.",
    .tp_base = &AdIOBase_Type,
    .tp_methods = textiobase_methods,
    .tp_getset = textiobase_getset,
};
