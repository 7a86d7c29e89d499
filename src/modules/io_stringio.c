/* io_stringio.c: _io.StringIO, a text stream over an in-memory array of
 * code points, with the newline argument's translation on write (None:
 * \r and \r\n become \n; '\r' or '\r\n': \n is written as that) and
 * line splitting on read, position cookies that are code point indexes,
 * getvalue(), truncate() and pickling state. */
#include <stddef.h>
#include <stdlib.h>
#include <string.h>

#include "modules/io_internal.h"
#include "memory/gc.h"
#include "objects/abstract.h"
#include "objects/args.h"
#include "objects/dict.h"
#include "objects/errors.h"
#include "objects/exceptions.h"
#include "objects/int.h"
#include "objects/list.h"
#include "objects/str.h"
#include "objects/tuple.h"
#include "objects/typeobject.h"

#define SIO(o) ((io_stringio *)(o))

static int check_ready(io_stringio *s)
{
    if (!s->ok) {
        AdErr_SetString(AdExc_ValueError, "I/O operation on uninitialized object");
        return -1;
    }
    if (s->closed) {
        AdErr_SetString(AdExc_ValueError, "I/O operation on closed file");
        return -1;
    }
    return 0;
}
#define CHECK(s) do { if (check_ready(s) < 0) return NULL; } while (0)

static int reserve(io_stringio *s, Ad_ssize_t need)
{
    if (need <= s->alloc)
        return 0;
    Ad_ssize_t cap = s->alloc ? s->alloc : 32;
    while (cap < need)
        cap = cap + cap / 2 + 16;
    uint32_t *nb = realloc(s->buf, (size_t)cap * sizeof(uint32_t));
    if (!nb) {
        AdErr_NoMemory();
        return -1;
    }
    s->buf = nb;
    s->alloc = cap;
    return 0;
}

/* Writes str text at the position after newline translation. 0 or -1. */
static int write_str(io_stringio *s, AdObject *text)
{
    AdObject *t = Ad_NewRef(text);
    if (s->readuniversal) {
        AD_SETREF(t, io_translate_newlines(t, s->readtranslate, 1, &s->pendingcr, &s->seennl));
        if (!t)
            return -1;
    }
    Ad_ssize_t n = AdStr_LENGTH(t);
    int kind = AdStr_KIND(t);
    const void *data = AdStr_DATA(t);
    Ad_ssize_t extra = 0;
    if (s->writenl && s->writenl[1])
        for (Ad_ssize_t i = 0; i < n; i++)
            if (AdStr_READ(kind, data, i) == '\n')
                extra++;
    if (n == 0) {
        Ad_DECREF(t);
        return 0;
    }
    Ad_ssize_t end = s->pos + n + extra;
    if (reserve(s, end) < 0) {
        Ad_DECREF(t);
        return -1;
    }
    if (s->pos > s->size)
        memset(s->buf + s->size, 0, (size_t)(s->pos - s->size) * sizeof(uint32_t));
    uint32_t *out = s->buf + s->pos;
    for (Ad_ssize_t i = 0; i < n; i++) {
        uint32_t c = AdStr_READ(kind, data, i);
        if (c == '\n' && s->writenl) {
            *out++ = (unsigned char)s->writenl[0];
            if (s->writenl[1])
                *out++ = (unsigned char)s->writenl[1];
        }
        else
            *out++ = c;
    }
    s->pos = end;
    if (end > s->size)
        s->size = end;
    Ad_DECREF(t);
    return 0;
}

static AdObject *stringio_new(AdTypeObject *type, AdObject *args, AdObject *kwds)
{
    (void)args;
    (void)kwds;
    return type->tp_alloc(type, 0);
}

static int stringio_init(AdObject *self, AdObject *args, AdObject *kwds)
{
    static const char *const names[] = {"initial_value", "newline", NULL};
    AdObject *v[2];
    io_stringio *s = SIO(self);
    if (io_parse_init("StringIO", args, kwds, names, 0, 0, v) < 0)
        return -1;
    AdObject *value = v[0], *newline = v[1];
    const char *nl = "\n";
    if (newline && newline != Ad_None) {
        if (!AdStr_Check(newline)) {
            AdErr_Format(AdExc_TypeError, "newline must be str or None, not %s", AdType_Name(AD_TYPE(newline)));
            return -1;
        }
        nl = AdStr_AsUTF8(newline);
        if (!nl)
            return -1;
        if (strcmp(nl, "") && strcmp(nl, "\n") && strcmp(nl, "\r") && strcmp(nl, "\r\n")) {
            AdErr_Format(AdExc_ValueError, "illegal newline value: %R", newline);
            return -1;
        }
    }
    else if (newline == Ad_None)
        nl = NULL;
    if (value && value != Ad_None && !AdStr_Check(value)) {
        AdErr_Format(AdExc_TypeError, "initial_value must be str or None, not %s", AdType_Name(AD_TYPE(value)));
        return -1;
    }
    s->ok = 0;
    s->closed = 0;
    s->size = s->pos = 0;
    s->seennl = 0;
    s->pendingcr = 0;
    AD_XSETREF(s->newline_arg, newline ? Ad_NewRef(newline) : AdStr_FromString("\n"));
    s->readuniversal = !nl || !nl[0];
    s->readtranslate = !nl;
    s->writenl = NULL;
    s->readnl_len = 0;
    if (nl && nl[0]) {
        s->readnl[0] = (unsigned char)nl[0];
        s->readnl[1] = nl[1] ? (unsigned char)nl[1] : 0;
        s->readnl_len = nl[1] ? 2 : 1;
        if (nl[0] == '\r')
            s->writenl = nl[1] ? "\r\n" : "\r";
    }
    s->ok = 1;
    if (value && value != Ad_None && AdStr_LENGTH(value) > 0) {
        if (write_str(s, value) < 0)
            return -1;
        s->pos = 0;
    }
    return 0;
}

static void stringio_dealloc(AdObject *self)
{
    AdObject_GC_UnTrack(self);
    free(SIO(self)->buf);
    SIO(self)->buf = NULL;
    AD_CLEAR(SIO(self)->newline_arg);
    io_base_clear_head(self);
    AD_TYPE(self)->tp_free(self);
}

static int stringio_clear(AdObject *self)
{
    io_base_clear_head(self);
    return 0;
}

static AdObject *take(io_stringio *s, Ad_ssize_t n)
{
    AdObject *r = AdStr_FromUCS4(s->buf + s->pos, n);
    if (r)
        s->pos += n;
    return r;
}

static AdObject *stringio_getvalue(AdObject *self, AdObject *unused)
{
    (void)unused;
    io_stringio *s = SIO(self);
    CHECK(s);
    return AdStr_FromUCS4(s->buf, s->size);
}

static AdObject *stringio_read(AdObject *self, AdObject *const *args, Ad_ssize_t nargs)
{
    io_stringio *s = SIO(self);
    if (AdArg_CheckPositional("read", nargs, 0, 1) < 0)
        return NULL;
    CHECK(s);
    Ad_ssize_t n;
    if (io_size_arg(nargs ? args[0] : NULL, &n) < 0)
        return NULL;
    Ad_ssize_t avail = s->size > s->pos ? s->size - s->pos : 0;
    if (n < 0 || n > avail)
        n = avail;
    return take(s, n);
}

static Ad_ssize_t line_len(io_stringio *s, Ad_ssize_t limit)
{
    Ad_ssize_t avail = s->size > s->pos ? s->size - s->pos : 0;
    if (limit >= 0 && limit < avail)
        avail = limit;
    int mode = s->readtranslate ? IO_NL_LF : s->readuniversal ? IO_NL_UNIVERSAL : IO_NL_FIXED;
    Ad_ssize_t e = io_find_line_end(4, s->buf + s->pos, 0, avail, mode, s->readnl, s->readnl_len);
    return e < 0 ? avail : e;
}

static AdObject *stringio_readline(AdObject *self, AdObject *const *args, Ad_ssize_t nargs)
{
    io_stringio *s = SIO(self);
    if (AdArg_CheckPositional("readline", nargs, 0, 1) < 0)
        return NULL;
    CHECK(s);
    Ad_ssize_t n;
    if (nargs && args[0] != Ad_None && !AdIndex_Check(args[0]))
        return AdErr_Format(AdExc_TypeError, "argument should be integer or None, not '%s'",
                            AdType_Name(AD_TYPE(args[0])));
    if (io_size_arg(nargs ? args[0] : NULL, &n) < 0)
        return NULL;
    return take(s, line_len(s, n));
}

static AdObject *stringio_iternext(AdObject *self)
{
    io_stringio *s = SIO(self);
    CHECK(s);
    AdObject *line;
    if (Ad_IS_TYPE(self, &AdStringIO_Type))
        line = take(s, line_len(s, -1));
    else {
        line = io_call0(self, "readline");
        if (line && !AdStr_Check(line)) {
            AdErr_Format(AdExc_OSError, "readline() should have returned a str object, not '%.200s'",
                         AdType_Name(AD_TYPE(line)));
            Ad_DECREF(line);
            return NULL;
        }
    }
    if (!line)
        return NULL;
    if (AdStr_LENGTH(line) == 0) {
        Ad_DECREF(line);
        return NULL;
    }
    return line;
}

static AdObject *stringio_write(AdObject *self, AdObject *arg)
{
    io_stringio *s = SIO(self);
    CHECK(s);
    if (!AdStr_Check(arg))
        return AdErr_Format(AdExc_TypeError, "string argument expected, got '%s'", AdType_Name(AD_TYPE(arg)));
    Ad_ssize_t n = AdStr_LENGTH(arg);
    if (n > 0 && write_str(s, arg) < 0)
        return NULL;
    return AdInt_FromSsize_t(n);
}

static AdObject *stringio_seek(AdObject *self, AdObject *const *args, Ad_ssize_t nargs)
{
    io_stringio *s = SIO(self);
    if (AdArg_CheckPositional("seek", nargs, 1, 2) < 0)
        return NULL;
    Ad_ssize_t pos = AdNumber_AsSsize_t(args[0], AdExc_OverflowError);
    if (pos == -1 && AdErr_Occurred())
        return NULL;
    int64_t whence = 0;
    if (nargs > 1 && (whence = AdInt_AsInt64(args[1])) == -1 && AdErr_Occurred())
        return NULL;
    CHECK(s);
    if (whence != 0 && whence != 1 && whence != 2)
        return AdErr_Format(AdExc_ValueError, "Invalid whence (%lld, should be 0, 1 or 2)", (long long)whence);
    if (pos < 0 && whence == 0)
        return AdErr_Format(AdExc_ValueError, "Negative seek position %zd", pos);
    if (whence != 0 && pos != 0)
        return AdErr_Format(AdExc_OSError, "Can't do nonzero cur-relative seeks");
    if (whence == 1)
        pos = s->pos;
    else if (whence == 2)
        pos = s->size;
    s->pos = pos;
    return AdInt_FromSsize_t(pos);
}

static AdObject *stringio_tell(AdObject *self, AdObject *unused)
{
    (void)unused;
    CHECK(SIO(self));
    return AdInt_FromSsize_t(SIO(self)->pos);
}

static AdObject *stringio_truncate(AdObject *self, AdObject *const *args, Ad_ssize_t nargs)
{
    io_stringio *s = SIO(self);
    if (AdArg_CheckPositional("truncate", nargs, 0, 1) < 0)
        return NULL;
    CHECK(s);
    Ad_ssize_t size = s->pos;
    if (nargs && args[0] != Ad_None) {
        if (!AdIndex_Check(args[0]))
            return AdErr_Format(AdExc_TypeError, "argument should be integer or None, not '%s'",
                                AdType_Name(AD_TYPE(args[0])));
        size = AdNumber_AsSsize_t(args[0], AdExc_OverflowError);
        if (size == -1 && AdErr_Occurred())
            return NULL;
        if (size < 0)
            return AdErr_Format(AdExc_ValueError, "Negative size value %zd", size);
    }
    if (size < s->size)
        s->size = size;
    return AdInt_FromSsize_t(size);
}

static AdObject *true_if_ready(AdObject *self, AdObject *unused)
{
    (void)unused;
    CHECK(SIO(self));
    Ad_RETURN_TRUE;
}

static AdObject *stringio_close(AdObject *self, AdObject *unused)
{
    (void)unused;
    io_stringio *s = SIO(self);
    s->closed = 1;
    free(s->buf);
    s->buf = NULL;
    s->alloc = s->size = 0;
    Ad_RETURN_NONE;
}

static AdObject *stringio_closed_get(AdObject *self, void *c)
{
    (void)c;
    if (!SIO(self)->ok) {
        AdErr_SetString(AdExc_ValueError, "I/O operation on uninitialized object");
        return NULL;
    }
    return AdBool_FromLong(SIO(self)->closed);
}

static AdObject *stringio_line_buffering_get(AdObject *self, void *c)
{
    (void)c;
    CHECK(SIO(self));
    Ad_RETURN_FALSE;
}

static AdObject *stringio_newlines_get(AdObject *self, void *c)
{
    (void)c;
    io_stringio *s = SIO(self);
    CHECK(s);
    if (!s->readuniversal)
        Ad_RETURN_NONE;
    return io_newlines_value(s->seennl);
}

static AdObject *stringio_getstate(AdObject *self, AdObject *unused)
{
    (void)unused;
    io_stringio *s = SIO(self);
    CHECK(s);
    AdObject *v = AdStr_FromUCS4(s->buf, s->size);
    AdObject *p = AdInt_FromSsize_t(s->pos);
    AdObject *d = s->dict ? AdDict_Copy(s->dict) : Ad_NewRef(Ad_None);
    AdObject *r = v && p && d ? AdTuple_Pack(4, v, s->newline_arg ? s->newline_arg : Ad_None, p, d) : NULL;
    Ad_XDECREF(v);
    Ad_XDECREF(p);
    Ad_XDECREF(d);
    return r;
}

static AdObject *stringio_setstate(AdObject *self, AdObject *state)
{
    io_stringio *s = SIO(self);
    if (!AdTuple_Check(state) || AdTuple_GET_SIZE(state) < 4)
        return AdErr_Format(AdExc_TypeError, "%s.__setstate__ argument should be 4-tuple, got %s",
                            AdType_Name(AD_TYPE(self)), AdType_Name(AD_TYPE(state)));
    AdObject *args = AdTuple_Pack(2, AdTuple_GET_ITEM(state, 0), AdTuple_GET_ITEM(state, 1));
    if (!args)
        return NULL;
    /* the stored value is already translated: set it without translation */
    int rc = stringio_init(self, args, NULL);
    Ad_DECREF(args);
    if (rc < 0)
        return NULL;
    AdObject *value = AdTuple_GET_ITEM(state, 0);
    if (AdStr_Check(value)) {
        Ad_ssize_t n = AdStr_LENGTH(value);
        if (reserve(s, n) < 0)
            return NULL;
        for (Ad_ssize_t i = 0; i < n; i++)
            s->buf[i] = AdStr_READ_CHAR(value, i);
        s->size = n;
    }
    Ad_ssize_t pos = AdNumber_AsSsize_t(AdTuple_GET_ITEM(state, 2), AdExc_OverflowError);
    if (pos == -1 && AdErr_Occurred())
        return NULL;
    if (pos < 0)
        return AdErr_Format(AdExc_ValueError, "position value cannot be negative");
    s->pos = pos;
    AdObject *d = AdTuple_GET_ITEM(state, 3);
    if (d != Ad_None) {
        if (!s->dict && !(s->dict = AdDict_New()))
            return NULL;
        if (AdDict_Merge(s->dict, d, 1) < 0)
            return NULL;
    }
    Ad_RETURN_NONE;
}

#define M(name, fn, flags) {name, (void (*)(void))(fn), flags, NULL}
static AdMethodDef stringio_methods[] = {
    M("getvalue", stringio_getvalue, AD_METH_NOARGS),
    M("read", stringio_read, AD_METH_FASTCALL),
    M("readline", stringio_readline, AD_METH_FASTCALL),
    M("write", stringio_write, AD_METH_O),
    M("seek", stringio_seek, AD_METH_FASTCALL),
    M("tell", stringio_tell, AD_METH_NOARGS),
    M("truncate", stringio_truncate, AD_METH_FASTCALL),
    M("readable", true_if_ready, AD_METH_NOARGS),
    M("writable", true_if_ready, AD_METH_NOARGS),
    M("seekable", true_if_ready, AD_METH_NOARGS),
    M("close", stringio_close, AD_METH_NOARGS),
    M("__getstate__", stringio_getstate, AD_METH_NOARGS),
    M("__setstate__", stringio_setstate, AD_METH_O),
    {NULL, NULL, 0, NULL},
};

static AdGetSetDef stringio_getset[] = {
    {"closed", stringio_closed_get, NULL, NULL, NULL},
    {"line_buffering", stringio_line_buffering_get, NULL, NULL, NULL},
    {"newlines", stringio_newlines_get, NULL, NULL, NULL},
    {NULL, NULL, NULL, NULL, NULL},
};

AdTypeObject AdStringIO_Type = {
    .ob_base = AD_STATIC_VAR_INIT(&AdType_Type, 0),
    .tp_name = "_io.StringIO",
    .tp_basicsize = sizeof(io_stringio),
    .tp_dealloc = stringio_dealloc,
    .tp_getattro = AdObject_GenericGetAttr,
    .tp_setattro = AdObject_GenericSetAttr,
    .tp_flags = AD_TPFLAGS_HAVE_GC | AD_TPFLAGS_BASETYPE,
    .tp_doc = "StringIO(initial_value='', newline='\\n')\n--\n\nText I/O implementation using an in-memory buffer.",
    .tp_traverse = io_base_traverse,
    .tp_clear = stringio_clear,
    .tp_iternext = stringio_iternext,
    .tp_methods = stringio_methods,
    .tp_getset = stringio_getset,
    .tp_base = &AdTextIOBase_Type,
    .tp_dictoffset = offsetof(io_stringio, dict),
    .tp_weaklistoffset = offsetof(io_stringio, weakreflist),
    .tp_init = stringio_init,
    .tp_alloc = AdType_GenericAlloc,
    .tp_new = stringio_new,
    .tp_free = AdObject_GC_Del,
};
