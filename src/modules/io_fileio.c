/* io_fileio.c: _io.FileIO, the raw binary file over an OS file
 * descriptor: opening by path (str, bytes, os.PathLike) or fd, modes
 * r/w/x/a with +, closefd, opener, read/readall/readinto/write,
 * seek/tell/truncate, and the fd helpers the buffered layer calls
 * directly when its raw stream is a FileIO. */
#include <errno.h>
#include <fcntl.h>
#include <stddef.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "modules/io_internal.h"
#include "memory/gc.h"
#include "objects/abstract.h"
#include "objects/args.h"
#include "objects/bytes.h"
#include "objects/dict.h"
#include "objects/errors.h"
#include "objects/exceptions.h"
#include "objects/float.h"
#include "objects/int.h"
#include "objects/list.h"
#include "objects/str.h"
#include "objects/tuple.h"
#include "objects/typeobject.h"

#define FIO(o) ((io_fileio *)(o))

Ad_ssize_t io_fd_read(int fd, char *buf, Ad_ssize_t n)
{
    for (;;) {
        ssize_t r = read(fd, buf, (size_t)n);
        if (r >= 0)
            return r;
        if (errno == EINTR) {
            if (AdErr_CheckSignals() < 0)
                return -1;
            continue;
        }
        if (errno == EAGAIN)
            return -2;
        AdErr_SetFromErrno(AdExc_OSError);
        return -1;
    }
}

Ad_ssize_t io_fd_write(int fd, const char *buf, Ad_ssize_t n)
{
    for (;;) {
        ssize_t r = write(fd, buf, (size_t)n);
        if (r >= 0)
            return r;
        if (errno == EINTR) {
            if (AdErr_CheckSignals() < 0)
                return -1;
            continue;
        }
        if (errno == EAGAIN)
            return -2;
        AdErr_SetFromErrno(AdExc_OSError);
        return -1;
    }
}

int io_fileio_closed(io_fileio *f) { return f->fd < 0; }

static AdObject *err_closed(void)
{
    AdErr_SetString(AdExc_ValueError, "I/O operation on closed file");
    return NULL;
}

static AdObject *err_mode(const char *action)
{
    AdErr_Format(io_UnsupportedOperation, "File not open for %s", action);
    return NULL;
}

static AdObject *fileio_new(AdTypeObject *type, AdObject *args, AdObject *kwds)
{
    (void)args;
    (void)kwds;
    io_fileio *f = (io_fileio *)type->tp_alloc(type, 0);
    if (!f)
        return NULL;
    f->fd = -1;
    f->closefd = 1;
    f->seekable = -1;
    f->blksize = 0;
    return (AdObject *)f;
}

static int fileio_init(AdObject *self, AdObject *args, AdObject *kwds)
{
    static const char *const names[] = {"file", "mode", "closefd", "opener", NULL};
    AdObject *v[4];
    io_fileio *f = FIO(self);
    if (io_parse_init("FileIO", args, kwds, names, 0, 1, v) < 0)
        return -1;
    AdObject *file = v[0], *opener = v[3] && v[3] != Ad_None ? v[3] : NULL;
    const char *mode = "r";
    if (v[1]) {
        if (!AdStr_Check(v[1])) {
            AdErr_Format(AdExc_TypeError, "FileIO() argument 'mode' must be str, not %s",
                         AdType_Name(AD_TYPE(v[1])));
            return -1;
        }
        if (!(mode = AdStr_AsUTF8(v[1])))
            return -1;
    }
    int closefd = 1;
    if (v[2] && (closefd = AdObject_IsTrue(v[2])) < 0)
        return -1;
    if (f->fd >= 0) {
        /* re-initialised: close the old descriptor first */
        if (f->closefd)
            close(f->fd);
        f->fd = -1;
    }
    int fd = -1;
    AdObject *path = NULL;
    if (AdFloat_Check(file)) {
        AdErr_SetString(AdExc_TypeError, "expected str, bytes or os.PathLike object, not float");
        return -1;
    }
    if (AdIndex_Check(file) && !AdStr_Check(file)) {
        int64_t x;
        AdObject *i = AdNumber_Index(file);
        if (!i)
            return -1;
        int ok = AdInt_AsInt64Exact(i, &x);
        Ad_DECREF(i);
        if (ok < 0 || x > 0x7fffffff || x < -0x7fffffff) {
            AdErr_Clear();
            AdErr_SetString(AdExc_OverflowError, "Python int too large to convert to C int");
            return -1;
        }
        if (x < 0) {
            AdErr_SetString(AdExc_ValueError, "negative file descriptor");
            return -1;
        }
        fd = (int)x;
    }
    else if (AdStr_Check(file) || AdBytes_Check(file))
        path = Ad_NewRef(file);
    else {
        AdObject *fspath = AdObject_LookupSpecial(file, AdStr_InternFromString("__fspath__"));
        if (!fspath) {
            if (!AdErr_Occurred())
                AdErr_Format(AdExc_TypeError, "expected str, bytes or os.PathLike object, not %s",
                             AdType_Name(AD_TYPE(file)));
            return -1;
        }
        path = AdObject_CallNoArgs(fspath);
        Ad_DECREF(fspath);
        if (!path)
            return -1;
        if (!AdStr_Check(path) && !AdBytes_Check(path)) {
            AdErr_Format(AdExc_TypeError, "expected %s.__fspath__() to return str or bytes, not %s",
                         AdType_Name(AD_TYPE(file)), AdType_Name(AD_TYPE(path)));
            Ad_DECREF(path);
            return -1;
        }
    }
    /* the mode */
    int rwa = 0, plus = 0, readable = 0, writable = 0, created = 0, appending = 0, flags = 0;
    for (const char *s = mode; *s; s++) {
        switch (*s) {
        case 'x':
            if (rwa)
                goto bad_mode;
            rwa = created = writable = 1;
            flags |= O_EXCL | O_CREAT;
            break;
        case 'r':
            if (rwa)
                goto bad_mode;
            rwa = readable = 1;
            break;
        case 'w':
            if (rwa)
                goto bad_mode;
            rwa = writable = 1;
            flags |= O_CREAT | O_TRUNC;
            break;
        case 'a':
            if (rwa)
                goto bad_mode;
            rwa = writable = appending = 1;
            flags |= O_APPEND | O_CREAT;
            break;
        case 'b':
            break;
        case '+':
            if (plus)
                goto bad_mode;
            readable = writable = plus = 1;
            break;
        default:
            AdErr_Format(AdExc_ValueError, "invalid mode: %.200s", mode);
            goto fail;
        }
    }
    if (!rwa)
        goto bad_mode;
    if (readable && writable)
        flags |= O_RDWR;
    else if (readable)
        flags |= O_RDONLY;
    else
        flags |= O_WRONLY;
    flags |= O_CLOEXEC;
    f->readable = (unsigned char)readable;
    f->writable = (unsigned char)writable;
    f->created = (unsigned char)created;
    f->appending = (unsigned char)appending;
    f->seekable = -1;
    f->blksize = 0;
    if (fd >= 0) {
        f->fd = fd;
        f->closefd = (unsigned char)closefd;
    }
    else {
        f->closefd = 1;
        if (!closefd) {
            AdErr_SetString(AdExc_ValueError, "Cannot use closefd=False with file name");
            goto fail;
        }
        if (opener) {
            AdObject *fl = AdInt_FromInt64(flags);
            AdObject *argv[2] = {path, fl};
            AdObject *r = fl ? AdObject_Vectorcall(opener, argv, 2, NULL) : NULL;
            Ad_XDECREF(fl);
            if (!r)
                goto fail;
            if (!AdIndex_Check(r)) {
                AdErr_Format(AdExc_TypeError, "'%s' object cannot be interpreted as an integer",
                             AdType_Name(AD_TYPE(r)));
                Ad_DECREF(r);
                goto fail;
            }
            int64_t x = AdInt_AsInt64(r);
            Ad_DECREF(r);
            if (x == -1 && AdErr_Occurred())
                goto fail;
            if (x < 0) {
                if (!AdErr_Occurred())
                    AdErr_Format(AdExc_ValueError, "opener returned %d", (int)x);
                goto fail;
            }
            fd = (int)x;
        }
        else {
            const char *cpath;
            Ad_ssize_t clen;
            if (AdStr_Check(path)) {
                cpath = AdStr_AsUTF8AndSize(path, &clen);
                if (!cpath)
                    goto fail;
            }
            else {
                cpath = AdBytes_AS_STRING(path);
                clen = AdBytes_GET_SIZE(path);
            }
            if ((Ad_ssize_t)strlen(cpath) != clen) {
                AdErr_SetString(AdExc_ValueError, "embedded null byte");
                goto fail;
            }
            do {
                fd = open(cpath, flags, 0666);
            } while (fd < 0 && errno == EINTR && AdErr_CheckSignals() == 0);
            if (fd < 0) {
                if (!AdErr_Occurred())
                    AdErr_SetFromErrnoWithFilenameObjects(AdExc_OSError, path, NULL);
                goto fail;
            }
        }
        f->fd = fd;
    }
    struct stat st;
    if (fstat(f->fd, &st) < 0) {
        AdErr_SetFromErrno(AdExc_OSError);
        goto fail_close;
    }
    if (S_ISDIR(st.st_mode)) {
        errno = EISDIR;
        AdErr_SetFromErrnoWithFilenameObjects(AdExc_OSError, path ? path : file, NULL);
        goto fail_close;
    }
    f->blksize = st.st_blksize > 1 ? (Ad_ssize_t)st.st_blksize : IO_DEFAULT_BUFFER_SIZE;
    if (AdObject_SetAttr(self, AdStr_InternFromString("name"), file) < 0)
        goto fail_close;
    if (appending && lseek(f->fd, 0, SEEK_END) < 0 && errno != ESPIPE) {
        AdErr_SetFromErrnoWithFilenameObjects(AdExc_OSError, path ? path : file, NULL);
        goto fail_close;
    }
    Ad_XDECREF(path);
    return 0;
bad_mode:
    AdErr_SetString(AdExc_ValueError, "Must have exactly one of create/read/write/append mode and at most one plus");
    goto fail;
fail_close:
    if (path || f->closefd) {
        if (path)
            close(f->fd);
    }
    f->fd = -1;
fail:
    Ad_XDECREF(path);
    return -1;
}

static void fileio_dealloc(AdObject *self)
{
    if (io_dealloc_finalize(self))
        return;
    AdObject_GC_UnTrack(self);
    io_fileio *f = FIO(self);
    if (f->fd >= 0 && f->closefd)
        close(f->fd);
    f->fd = -1;
    io_base_clear_head(self);
    AD_TYPE(self)->tp_free(self);
}

static int fileio_clear(AdObject *self)
{
    io_base_clear_head(self);
    return 0;
}

static const char *mode_string(io_fileio *f)
{
    if (f->created)
        return f->readable ? "xb+" : "xb";
    if (f->appending)
        return f->readable ? "ab+" : "ab";
    if (f->readable)
        return f->writable ? "rb+" : "rb";
    return "wb";
}

#define CHECK_OPEN(f) do { if ((f)->fd < 0) return err_closed(); } while (0)

static AdObject *fileio_read(AdObject *self, AdObject *const *args, Ad_ssize_t nargs);

static AdObject *fileio_readall(AdObject *self, AdObject *unused)
{
    (void)unused;
    io_fileio *f = FIO(self);
    CHECK_OPEN(f);
    if (!f->readable)
        return err_mode("reading");
    Ad_ssize_t cap = IO_DEFAULT_BUFFER_SIZE;
    struct stat st;
    if (fstat(f->fd, &st) == 0 && S_ISREG(st.st_mode)) {
        off_t pos = lseek(f->fd, 0, SEEK_CUR);
        if (pos >= 0 && st.st_size >= pos)
            cap = (Ad_ssize_t)(st.st_size - pos) + 1;
    }
    AdObject *res = AdBytes_FromStringAndSize(NULL, cap);
    if (!res)
        return NULL;
    Ad_ssize_t len = 0;
    for (;;) {
        if (len == cap) {
            cap = cap + cap / 4 + IO_DEFAULT_BUFFER_SIZE;
            if (AdBytes_Resize(&res, cap) < 0)
                return NULL;
        }
        Ad_ssize_t r = io_fd_read(f->fd, AdBytes_AS_STRING(res) + len, cap - len);
        if (r == -1) {
            Ad_DECREF(res);
            return NULL;
        }
        if (r == -2) {
            if (len == 0) {
                Ad_DECREF(res);
                Ad_RETURN_NONE;
            }
            break;
        }
        if (r == 0)
            break;
        len += r;
    }
    if (len != cap && AdBytes_Resize(&res, len) < 0)
        return NULL;
    return res;
}

static AdObject *fileio_read(AdObject *self, AdObject *const *args, Ad_ssize_t nargs)
{
    io_fileio *f = FIO(self);
    if (AdArg_CheckPositional("read", nargs, 0, 1) < 0)
        return NULL;
    CHECK_OPEN(f);
    if (!f->readable)
        return err_mode("reading");
    Ad_ssize_t n;
    if (io_size_arg(nargs ? args[0] : NULL, &n) < 0)
        return NULL;
    if (n < 0)
        return fileio_readall(self, NULL);
    AdObject *res = AdBytes_FromStringAndSize(NULL, n);
    if (!res)
        return NULL;
    Ad_ssize_t r = io_fd_read(f->fd, AdBytes_AS_STRING(res), n);
    if (r == -1) {
        Ad_DECREF(res);
        return NULL;
    }
    if (r == -2) {
        Ad_DECREF(res);
        Ad_RETURN_NONE;
    }
    if (r != n && AdBytes_Resize(&res, r) < 0)
        return NULL;
    return res;
}

/* What readinto() and write() return for io_fd_read/io_fd_write's r:
 * the count, None when the call would block (-2), NULL on error (-1). */
static AdObject *count_or_none(Ad_ssize_t r)
{
    if (r == -1)
        return NULL;
    if (r == -2)
        Ad_RETURN_NONE;
    return AdInt_FromSsize_t(r);
}

static AdObject *fileio_readinto(AdObject *self, AdObject *arg)
{
    io_fileio *f = FIO(self);
    CHECK_OPEN(f);
    if (!f->readable)
        return err_mode("reading");
    AdBuffer view;
    if (AdObject_GetBuffer(arg, &view, AD_BUF_WRITABLE) < 0)
        return NULL;
    Ad_ssize_t r = io_fd_read(f->fd, view.buf, view.len);
    AdBuffer_Release(&view);
    return count_or_none(r);
}

static AdObject *fileio_write(AdObject *self, AdObject *arg)
{
    io_fileio *f = FIO(self);
    CHECK_OPEN(f);
    if (!f->writable)
        return err_mode("writing");
    AdBuffer view;
    if (AdObject_GetBuffer(arg, &view, AD_BUF_SIMPLE) < 0)
        return NULL;
    Ad_ssize_t r = io_fd_write(f->fd, view.buf, view.len);
    AdBuffer_Release(&view);
    return count_or_none(r);
}

static AdObject *fileio_seek(AdObject *self, AdObject *const *args, Ad_ssize_t nargs)
{
    io_fileio *f = FIO(self);
    if (AdArg_CheckPositional("seek", nargs, 1, 2) < 0)
        return NULL;
    CHECK_OPEN(f);
    if (AdFloat_Check(args[0])) {
        AdErr_SetString(AdExc_TypeError, "an integer is required");
        return NULL;
    }
    AdObject *p = AdNumber_Index(args[0]);
    if (!p)
        return NULL;
    int64_t pos = AdInt_AsInt64(p);
    Ad_DECREF(p);
    if (pos == -1 && AdErr_Occurred())
        return NULL;
    int whence = 0;
    if (nargs > 1) {
        int64_t w = AdInt_AsInt64(args[1]);
        if (w == -1 && AdErr_Occurred())
            return NULL;
        whence = (int)w;
    }
    off_t r = lseek(f->fd, (off_t)pos, whence);
    if (r < 0)
        return AdErr_SetFromErrno(AdExc_OSError);
    if (f->seekable < 0)
        f->seekable = 1;
    return AdInt_FromInt64((int64_t)r);
}

static AdObject *fileio_tell(AdObject *self, AdObject *unused)
{
    (void)unused;
    io_fileio *f = FIO(self);
    CHECK_OPEN(f);
    off_t r = lseek(f->fd, 0, SEEK_CUR);
    if (r < 0)
        return AdErr_SetFromErrno(AdExc_OSError);
    return AdInt_FromInt64((int64_t)r);
}

static AdObject *fileio_truncate(AdObject *self, AdObject *const *args, Ad_ssize_t nargs)
{
    io_fileio *f = FIO(self);
    if (AdArg_CheckPositional("truncate", nargs, 0, 1) < 0)
        return NULL;
    CHECK_OPEN(f);
    if (!f->writable)
        return err_mode("writing");
    int64_t size;
    if (nargs == 0 || args[0] == Ad_None) {
        off_t r = lseek(f->fd, 0, SEEK_CUR);
        if (r < 0)
            return AdErr_SetFromErrno(AdExc_OSError);
        size = r;
    }
    else {
        AdObject *p = AdNumber_Index(args[0]);
        if (!p)
            return NULL;
        size = AdInt_AsInt64(p);
        Ad_DECREF(p);
        if (size == -1 && AdErr_Occurred())
            return NULL;
    }
    if (ftruncate(f->fd, (off_t)size) < 0)
        return AdErr_SetFromErrno(AdExc_OSError);
    return AdInt_FromInt64(size);
}

static AdObject *fileio_seekable(AdObject *self, AdObject *unused)
{
    (void)unused;
    io_fileio *f = FIO(self);
    CHECK_OPEN(f);
    if (f->seekable < 0)
        f->seekable = lseek(f->fd, 0, SEEK_CUR) >= 0;
    return AdBool_FromLong(f->seekable);
}

static AdObject *fileio_readable(AdObject *self, AdObject *unused)
{
    (void)unused;
    CHECK_OPEN(FIO(self));
    return AdBool_FromLong(FIO(self)->readable);
}

static AdObject *fileio_writable(AdObject *self, AdObject *unused)
{
    (void)unused;
    CHECK_OPEN(FIO(self));
    return AdBool_FromLong(FIO(self)->writable);
}

static AdObject *fileio_fileno(AdObject *self, AdObject *unused)
{
    (void)unused;
    CHECK_OPEN(FIO(self));
    return AdInt_FromInt64(FIO(self)->fd);
}

static AdObject *fileio_isatty(AdObject *self, AdObject *unused)
{
    (void)unused;
    CHECK_OPEN(FIO(self));
    return AdBool_FromLong(isatty(FIO(self)->fd));
}

static AdObject *fileio_close(AdObject *self, AdObject *unused)
{
    (void)unused;
    io_fileio *f = FIO(self);
    /* _RawIOBase.close: flush (a no-op here) and mark closed */
    AdObject *r = NULL;
    AdObject *base_close = AdType_LookupString(&AdRawIOBase_Type, "close");
    if (base_close)
        r = AdObject_CallOneArg(base_close, self);
    AdObject *exc = r ? NULL : AdErr_GetRaisedException();
    Ad_XDECREF(r);
    if (f->fd >= 0) {
        int fd = f->fd;
        f->fd = -1;
        if (f->closefd && close(fd) < 0 && !exc) {
            AdErr_SetFromErrno(AdExc_OSError);
            return NULL;
        }
    }
    if (exc) {
        AdErr_SetRaisedException(exc);
        return NULL;
    }
    Ad_RETURN_NONE;
}

static AdObject *fileio_repr(AdObject *self)
{
    io_fileio *f = FIO(self);
    const char *tname = AdType_Name(AD_TYPE(self));
    if (f->fd < 0)
        return AdStr_FromFormat("<%s [closed]>", tname);
    AdObject *name;
    if (AdObject_GetOptionalAttr(self, AdStr_InternFromString("name"), &name) < 0)
        return NULL;
    AdObject *r;
    if (!name)
        r = AdStr_FromFormat("<%s fd=%d mode='%s' closefd=%s>", tname, f->fd, mode_string(f),
                             f->closefd ? "True" : "False");
    else {
        if (Ad_EnterRecursiveCall(" while getting the repr of an object")) {
            Ad_DECREF(name);
            AdErr_Clear();
            return AdErr_Format(AdExc_RuntimeError, "reentrant call inside %s.__repr__", tname);
        }
        r = AdStr_FromFormat("<%s name=%R mode='%s' closefd=%s>", tname, name, mode_string(f),
                             f->closefd ? "True" : "False");
        Ad_LeaveRecursiveCall();
        Ad_DECREF(name);
    }
    return r;
}

static AdObject *fileio_getstate(AdObject *self, AdObject *unused)
{
    (void)unused;
    return AdErr_Format(AdExc_TypeError, "cannot pickle '%s' instances", AdType_Name(AD_TYPE(self)));
}

static AdObject *fileio_dealloc_warn(AdObject *self, AdObject *source)
{
    (void)self;
    (void)source;
    Ad_RETURN_NONE;
}

static AdObject *fileio_isatty_open_only(AdObject *self, AdObject *unused)
{
    return fileio_isatty(self, unused);
}

static AdObject *fileio_closed_get(AdObject *self, void *c)
{
    (void)c;
    return AdBool_FromLong(FIO(self)->fd < 0);
}

static AdObject *fileio_closefd_get(AdObject *self, void *c)
{
    (void)c;
    return AdBool_FromLong(FIO(self)->closefd);
}

static AdObject *fileio_mode_get(AdObject *self, void *c)
{
    (void)c;
    return AdStr_FromString(mode_string(FIO(self)));
}

static AdObject *fileio_blksize_get(AdObject *self, void *c)
{
    (void)c;
    return AdInt_FromSsize_t(FIO(self)->blksize);
}

static AdObject *fileio_finalizing_get(AdObject *self, void *c)
{
    (void)c;
    return AdBool_FromLong(FIO(self)->finalizing);
}

#define M(name, fn, flags) {name, (void (*)(void))(fn), flags, NULL}
static AdMethodDef fileio_methods[] = {
    M("read", fileio_read, AD_METH_FASTCALL),
    M("readall", fileio_readall, AD_METH_NOARGS),
    M("readinto", fileio_readinto, AD_METH_O),
    M("write", fileio_write, AD_METH_O),
    M("seek", fileio_seek, AD_METH_FASTCALL),
    M("tell", fileio_tell, AD_METH_NOARGS),
    M("truncate", fileio_truncate, AD_METH_FASTCALL),
    M("close", fileio_close, AD_METH_NOARGS),
    M("seekable", fileio_seekable, AD_METH_NOARGS),
    M("readable", fileio_readable, AD_METH_NOARGS),
    M("writable", fileio_writable, AD_METH_NOARGS),
    M("fileno", fileio_fileno, AD_METH_NOARGS),
    M("isatty", fileio_isatty, AD_METH_NOARGS),
    M("_isatty_open_only", fileio_isatty_open_only, AD_METH_NOARGS),
    M("_dealloc_warn", fileio_dealloc_warn, AD_METH_O),
    M("__getstate__", fileio_getstate, AD_METH_NOARGS),
    {NULL, NULL, 0, NULL},
};

static AdGetSetDef fileio_getset[] = {
    {"closed", fileio_closed_get, NULL, "True if the file is closed", NULL},
    {"closefd", fileio_closefd_get, NULL, "True if the file descriptor will be closed by close().", NULL},
    {"mode", fileio_mode_get, NULL, "String giving the file mode", NULL},
    {"_blksize", fileio_blksize_get, NULL, NULL, NULL},
    {"_finalizing", fileio_finalizing_get, NULL, NULL, NULL},
    {NULL, NULL, NULL, NULL, NULL},
};

AdTypeObject AdFileIO_Type = {
    .ob_base = AD_STATIC_VAR_INIT(&AdType_Type, 0),
    .tp_name = "_io.FileIO",
    .tp_basicsize = sizeof(io_fileio),
    .tp_dealloc = fileio_dealloc,
    .tp_repr = fileio_repr,
    .tp_getattro = AdObject_GenericGetAttr,
    .tp_setattro = AdObject_GenericSetAttr,
    .tp_flags = AD_TPFLAGS_HAVE_GC | AD_TPFLAGS_BASETYPE,
    .tp_doc = "FileIO(file, mode='r', closefd=True, opener=None)\n--\n\n"
              "Open a file.\n\nThe mode can be 'r' (default), 'w', 'x' or 'a' for reading,\n"
              "writing, exclusive creation or appending.",
    .tp_traverse = io_base_traverse,
    .tp_clear = fileio_clear,
    .tp_methods = fileio_methods,
    .tp_getset = fileio_getset,
    .tp_base = &AdRawIOBase_Type,
    .tp_dictoffset = offsetof(io_fileio, dict),
    .tp_weaklistoffset = offsetof(io_fileio, weakreflist),
    .tp_init = fileio_init,
    .tp_alloc = AdType_GenericAlloc,
    .tp_new = fileio_new,
    .tp_free = AdObject_GC_Del,
    .tp_finalize = io_base_finalize,
};
