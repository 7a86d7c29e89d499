/* textio_binary.c: the binary layer of Adder's native files (textio.h):
 * _io.FileIO (unbuffered) and _io.BufferedReader/Writer/Random over an fd,
 * with a read-ahead buffer and a write buffer. Reading after writing
 * flushes first; writing after reading moves the fd back over the unread
 * read-ahead, so mixed use of "+" files sees one position. */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "modules/textio.h"
#include "objects/abstract.h"
#include "objects/bytes.h"
#include "objects/dict.h"
#include "objects/errors.h"
#include "objects/exceptions.h"
#include "objects/int.h"
#include "objects/list.h"
#include "objects/str.h"
#include "objects/tuple.h"
#include "objects/typeobject.h"
#include "memory/gc.h"
#include "runtime/gil.h"

#define DEFAULT_BUFFER_SIZE 8192

int modules_io_check_closed(int closed)
{
    if (closed) {
        AdErr_SetString(AdExc_ValueError, "I/O operation on closed file.");
        return -1;
    }
    return 0;
}

AdObject *modules_io_unsupported(const char *msg)
{
    AdErr_SetString(AdIO_UnsupportedOperation ? AdIO_UnsupportedOperation : AdExc_OSError, msg);
    return NULL;
}

static int is_fileio(AdBinaryFileObject *b) { return Ad_IS_TYPE((AdObject *)b, &AdFileIO_Type); }

/* ---- the fd ---------------------------------------------------------------- */

static int write_all(int fd, const char *p, Ad_ssize_t n)
{
    while (n > 0) {
        ssize_t w = write(fd, p, (size_t)n);
        if (w < 0) {
            if (errno == EINTR) {
                if (AdErr_CheckSignals() < 0)
                    return -1;
                continue;
            }
            AdErr_SetFromErrno(AdExc_OSError);
            return -1;
        }
        p += w;
        n -= w;
    }
    return 0;
}

static ssize_t read_fd(int fd, char *p, size_t n)
{
    for (;;) {
        ssize_t r;
        int err;
        Ad_BEGIN_ALLOW_THREADS
        r = read(fd, p, n);
        err = errno;
        Ad_END_ALLOW_THREADS
        errno = err;
        if (r >= 0)
            return r;
        if (errno == EINTR) {
            if (AdErr_CheckSignals() < 0)
                return -1;
            continue;
        }
        AdErr_SetFromErrno(AdExc_OSError);
        return -1;
    }
}

int modules_binfile_flush(AdBinaryFileObject *b)
{
    if (b->wlen == 0)
        return 0;
    Ad_ssize_t n = b->wlen;
    b->wlen = 0;                /* a failed write is not retried forever */
    return write_all(b->fd, b->wbuf, n);
}

/* Before writing or seeking: give the unread read-ahead back to the fd. */
static int drop_readahead(AdBinaryFileObject *b)
{
    Ad_ssize_t unread = b->rlen - b->rpos;
    b->rpos = b->rlen = 0;
    if (unread > 0 && lseek(b->fd, -(off_t)unread, SEEK_CUR) < 0) {
        AdErr_SetFromErrno(AdExc_OSError);
        return -1;
    }
    return 0;
}

int modules_binfile_write(AdBinaryFileObject *b, const char *data, Ad_ssize_t n)
{
    if (b->rlen > b->rpos && drop_readahead(b) < 0)
        return -1;
    b->rpos = b->rlen = 0;
    if (b->unbuffered)
        return write_all(b->fd, data, n);
    if (b->wlen + n > b->buffer_size) {
        if (modules_binfile_flush(b) < 0)
            return -1;
        if (n >= b->buffer_size)
            return write_all(b->fd, data, n);
    }
    if (b->wlen + n > b->wcap) {
        Ad_ssize_t cap = b->wcap ? b->wcap : 256;
        while (cap < b->wlen + n)
            cap *= 2;
        char *nb = realloc(b->wbuf, (size_t)cap);
        if (!nb) {
            AdErr_NoMemory();
            return -1;
        }
        b->wbuf = nb;
        b->wcap = cap;
    }
    if (n)
        memcpy(b->wbuf + b->wlen, data, (size_t)n);
    b->wlen += n;
    return 0;
}

static int ensure_rcap(AdBinaryFileObject *b, Ad_ssize_t need)
{
    if (need <= b->rcap)
        return 0;
    Ad_ssize_t cap = b->rcap ? b->rcap : DEFAULT_BUFFER_SIZE;
    while (cap < need)
        cap *= 2;
    char *nb = realloc(b->rbuf, (size_t)cap);
    if (!nb) {
        AdErr_NoMemory();
        return -1;
    }
    b->rbuf = nb;
    b->rcap = cap;
    return 0;
}

/* One read(2) into the read-ahead (after what is there). Bytes added, 0 at
 * EOF, -1 on error. */
static Ad_ssize_t fill(AdBinaryFileObject *b)
{
    if (modules_binfile_flush(b) < 0)
        return -1;
    if (b->rpos > 0) {
        memmove(b->rbuf, b->rbuf + b->rpos, (size_t)(b->rlen - b->rpos));
        b->rlen -= b->rpos;
        b->rpos = 0;
    }
    Ad_ssize_t want = b->buffer_size > 0 ? b->buffer_size : DEFAULT_BUFFER_SIZE;
    if (ensure_rcap(b, b->rlen + want) < 0)
        return -1;
    /* The read may block: it goes into a private buffer without the GIL
     * (another thread may use this file meanwhile), then is appended. */
    char *tmp = malloc((size_t)want);
    if (!tmp) {
        AdErr_NoMemory();
        return -1;
    }
    ssize_t r = read_fd(b->fd, tmp, (size_t)want);
    if (r > 0 && ensure_rcap(b, b->rlen + r) < 0)
        r = -1;
    if (r > 0) {
        memcpy(b->rbuf + b->rlen, tmp, (size_t)r);
        b->rlen += r;
    }
    free(tmp);
    return r < 0 ? -1 : r;
}

Ad_ssize_t modules_binfile_read_some(AdBinaryFileObject *b, Ad_ssize_t n, char **out)
{
    *out = NULL;
    if (b->rlen == b->rpos) {
        Ad_ssize_t r = fill(b);
        if (r <= 0)
            return r;
    }
    Ad_ssize_t avail = b->rlen - b->rpos;
    if (n >= 0 && n < avail)
        avail = n;
    *out = malloc((size_t)avail + 1);
    if (!*out) {
        AdErr_NoMemory();
        return -1;
    }
    memcpy(*out, b->rbuf + b->rpos, (size_t)avail);
    b->rpos += avail;
    return avail;
}

int64_t modules_binfile_tell(AdBinaryFileObject *b)
{
    off_t pos = lseek(b->fd, 0, SEEK_CUR);
    if (pos < 0) {
        AdErr_SetFromErrno(AdExc_OSError);
        return -1;
    }
    return (int64_t)pos - (b->rlen - b->rpos) + b->wlen;
}

int64_t modules_binfile_seek(AdBinaryFileObject *b, int64_t pos, int whence)
{
    if (modules_binfile_flush(b) < 0)
        return -1;
    if (whence == SEEK_CUR)
        pos -= b->rlen - b->rpos;
    b->rpos = b->rlen = 0;
    off_t r = lseek(b->fd, (off_t)pos, whence);
    if (r < 0) {
        AdErr_SetFromErrno(AdExc_OSError);
        return -1;
    }
    return (int64_t)r;
}

int modules_binfile_close(AdBinaryFileObject *b)
{
    if (b->closed)
        return 0;
    int rc = b->writable ? modules_binfile_flush(b) : 0;
    b->closed = 1;
    if (b->closefd && b->fd >= 0) {
        if (close(b->fd) < 0 && rc == 0) {
            AdErr_SetFromErrno(AdExc_OSError);
            rc = -1;
        }
    }
    b->fd = -1;
    return rc;
}

/* ---- construction ------------------------------------------------------------ */

AdObject *AdBinaryFile_FromFd(int fd, AdObject *name, const char *mode, int closefd, int buffering)
{
    int readable = strchr(mode, 'r') != NULL || strchr(mode, '+') != NULL;
    int writable = strchr(mode, 'r') == NULL || strchr(mode, '+') != NULL;
    AdTypeObject *type = buffering == 0 ? &AdFileIO_Type
                       : readable && writable ? &AdBufferedRandom_Type
                       : readable ? &AdBufferedReader_Type : &AdBufferedWriter_Type;
    AdBinaryFileObject *b = (AdBinaryFileObject *)AdType_GenericAlloc(type, 0);
    if (!b)
        return NULL;
    b->fd = fd;
    b->readable = (unsigned char)readable;
    b->writable = (unsigned char)writable;
    b->appending = strchr(mode, 'a') != NULL;
    b->closefd = (unsigned char)(closefd != 0);
    b->seekable = -1;
    b->unbuffered = buffering == 0;
    b->buffer_size = buffering > 1 ? buffering : DEFAULT_BUFFER_SIZE;
    b->name = Ad_NewRef(name);
    /* FileIO's mode: "rb", "wb", "ab", "xb", "rb+", "wb+" ... as CPython
     * reports it ("w+" files say "rb+"). */
    char m = strchr(mode, 'x') ? 'x' : strchr(mode, 'a') ? 'a' : strchr(mode, 'w') ? 'w' : 'r';
    if (readable && writable && m != 'a' && m != 'x')
        m = 'r';
    snprintf(b->mode, sizeof b->mode, "%cb%s", m, readable && writable ? "+" : "");
    return (AdObject *)b;
}

/* ---- methods ----------------------------------------------------------------- */

#define SELF ((AdBinaryFileObject *)self)

static int check_closed_op(AdBinaryFileObject *b, const char *what)
{
    if (!b->closed)
        return 0;
    if (is_fileio(b))
        AdErr_SetString(AdExc_ValueError, "I/O operation on closed file");
    else
        AdErr_Format(AdExc_ValueError, "%s closed file", what);
    return -1;
}

static int check_readable(AdBinaryFileObject *b)
{
    if (check_closed_op(b, "read of") < 0)
        return -1;
    if (!b->readable) {
        modules_io_unsupported(is_fileio(b) ? "File not open for reading" : "read");
        return -1;
    }
    return 0;
}

static int check_writable(AdBinaryFileObject *b)
{
    if (check_closed_op(b, "write to") < 0)
        return -1;
    if (!b->writable) {
        modules_io_unsupported(is_fileio(b) ? "File not open for writing" : "write");
        return -1;
    }
    return 0;
}

/* An optional size argument: None or an int (-1 means all). */
static int size_arg(AdObject *const *args, Ad_ssize_t nargs, const char *fname, Ad_ssize_t *out)
{
    *out = -1;
    if (nargs > 1) {
        AdErr_Format(AdExc_TypeError, "%s expected at most 1 argument, got %zd", fname, nargs);
        return -1;
    }
    if (nargs == 1 && args[0] != Ad_None) {
        if (!AdIndex_Check(args[0])) {
            AdErr_Format(AdExc_TypeError, "argument should be integer or None, not '%s'",
                         AdType_Name(AD_TYPE(args[0])));
            return -1;
        }
        *out = AdNumber_AsSsize_t(args[0], AdExc_OverflowError);
        if (*out == -1 && AdErr_Occurred())
            return -1;
    }
    return 0;
}

static AdObject *bin_read_n(AdBinaryFileObject *b, Ad_ssize_t n, int once)
{
    /* Gather into the read-ahead until it holds n bytes (or all, n < 0). */
    while (n < 0 || b->rlen - b->rpos < n) {
        if (once && b->rlen > b->rpos)
            break;
        Ad_ssize_t r = fill(b);
        if (r < 0)
            return NULL;
        if (r == 0)
            break;
        if (once)
            break;
    }
    Ad_ssize_t avail = b->rlen - b->rpos;
    if (n >= 0 && n < avail)
        avail = n;
    AdObject *res = AdBytes_FromStringAndSize(b->rbuf ? b->rbuf + b->rpos : "", avail);
    if (res)
        b->rpos += avail;
    return res;
}

static AdObject *bin_read(AdObject *self, AdObject *const *args, Ad_ssize_t nargs)
{
    Ad_ssize_t n;
    if (size_arg(args, nargs, "read", &n) < 0 || check_readable(SELF) < 0)
        return NULL;
    return bin_read_n(SELF, n, is_fileio(SELF) && n >= 0);
}

static AdObject *bin_read1(AdObject *self, AdObject *const *args, Ad_ssize_t nargs)
{
    Ad_ssize_t n;
    if (size_arg(args, nargs, "read1", &n) < 0 || check_readable(SELF) < 0)
        return NULL;
    return bin_read_n(SELF, n < 0 ? DEFAULT_BUFFER_SIZE : n, 1);
}

static AdObject *bin_readline_n(AdBinaryFileObject *b, Ad_ssize_t limit)
{
    Ad_ssize_t scanned = 0;
    for (;;) {
        Ad_ssize_t avail = b->rlen - b->rpos;
        char *p = b->rbuf ? b->rbuf + b->rpos : NULL;
        Ad_ssize_t stop = limit >= 0 && limit < avail ? limit : avail;
        char *nl = p && stop > scanned ? memchr(p + scanned, '\n', (size_t)(stop - scanned)) : NULL;
        if (nl || (limit >= 0 && avail >= limit)) {
            Ad_ssize_t len = nl ? (nl - p) + 1 : limit;
            AdObject *res = AdBytes_FromStringAndSize(p, len);
            if (res)
                b->rpos += len;
            return res;
        }
        scanned = stop;
        Ad_ssize_t r = fill(b);
        if (r < 0)
            return NULL;
        if (r == 0) {
            AdObject *res = AdBytes_FromStringAndSize(b->rbuf ? b->rbuf + b->rpos : "", b->rlen - b->rpos);
            if (res)
                b->rpos = b->rlen;
            return res;
        }
    }
}

static AdObject *bin_readline(AdObject *self, AdObject *const *args, Ad_ssize_t nargs)
{
    Ad_ssize_t n;
    if (size_arg(args, nargs, "readline", &n) < 0 || check_readable(SELF) < 0)
        return NULL;
    return bin_readline_n(SELF, n);
}

static AdObject *bin_readlines(AdObject *self, AdObject *const *args, Ad_ssize_t nargs)
{
    Ad_ssize_t hint;
    if (size_arg(args, nargs, "readlines", &hint) < 0 || check_readable(SELF) < 0)
        return NULL;
    AdObject *list = AdList_New(0);
    Ad_ssize_t total = 0;
    while (list) {
        AdObject *line = bin_readline_n(SELF, -1);
        if (!line) {
            AD_CLEAR(list);
            break;
        }
        if (AdBytes_GET_SIZE(line) == 0) {
            Ad_DECREF(line);
            break;
        }
        total += AdBytes_GET_SIZE(line);
        if (AdList_Append(list, line) < 0)
            AD_CLEAR(list);
        Ad_DECREF(line);
        if (hint > 0 && total >= hint)
            break;
    }
    return list;
}

static AdObject *bin_write(AdObject *self, AdObject *arg)
{
    if (check_writable(SELF) < 0)
        return NULL;
    AdBuffer view;
    if (AdObject_GetBuffer(arg, &view, AD_BUF_SIMPLE) < 0)
        return NULL;
    int rc = modules_binfile_write(SELF, view.buf, view.len);
    Ad_ssize_t n = view.len;
    AdBuffer_Release(&view);
    if (rc < 0)
        return NULL;
    return AdInt_FromSsize_t(n);
}

static AdObject *bin_writelines(AdObject *self, AdObject *lines)
{
    if (check_writable(SELF) < 0)
        return NULL;
    AdObject *it = AdObject_GetIter(lines), *item;
    if (!it)
        return NULL;
    while ((item = AdIter_Next(it))) {
        AdObject *r = bin_write(self, item);
        Ad_DECREF(item);
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

static AdObject *bin_flush(AdObject *self, AdObject *unused)
{
    (void)unused;
    if (check_closed_op(SELF, "flush of") < 0)
        return NULL;
    if (SELF->writable && modules_binfile_flush(SELF) < 0)
        return NULL;
    Ad_RETURN_NONE;
}

static AdObject *bin_close(AdObject *self, AdObject *unused)
{
    (void)unused;
    if (modules_binfile_close(SELF) < 0)
        return NULL;
    Ad_RETURN_NONE;
}

static int check_seekable(AdBinaryFileObject *b)
{
    if (modules_io_check_closed(b->closed) < 0)
        return -1;
    if (b->seekable < 0)
        b->seekable = lseek(b->fd, 0, SEEK_CUR) >= 0;
    if (!b->seekable) {
        errno = ESPIPE;
        AdErr_SetFromErrno(AdExc_OSError);
        return -1;
    }
    return 0;
}

static AdObject *bin_seek(AdObject *self, AdObject *const *args, Ad_ssize_t nargs)
{
    if (nargs < 1 || nargs > 2)
        return AdErr_Format(AdExc_TypeError, "seek expected at least 1 argument, got %zd", nargs);
    if (check_seekable(SELF) < 0)
        return NULL;
    int64_t pos = AdNumber_AsSsize_t(args[0], AdExc_OverflowError);
    if (pos == -1 && AdErr_Occurred())
        return NULL;
    int64_t whence = nargs > 1 ? AdNumber_AsSsize_t(args[1], AdExc_OverflowError) : 0;
    if (whence == -1 && AdErr_Occurred())
        return NULL;
    if (whence < 0 || whence > 2)
        return AdErr_Format(AdExc_ValueError, "whence value %lld unsupported", (long long)whence);
    if (whence == 0 && pos < 0)
        return AdErr_Format(AdExc_ValueError, "negative seek position %lld", (long long)pos);
    int64_t r = modules_binfile_seek(SELF, pos, (int)whence);
    return r < 0 ? NULL : AdInt_FromInt64(r);
}

static AdObject *bin_tell(AdObject *self, AdObject *unused)
{
    (void)unused;
    if (check_seekable(SELF) < 0)
        return NULL;
    int64_t r = modules_binfile_tell(SELF);
    return r < 0 ? NULL : AdInt_FromInt64(r);
}

static AdObject *bin_truncate(AdObject *self, AdObject *const *args, Ad_ssize_t nargs)
{
    if (check_writable(SELF) < 0 || check_seekable(SELF) < 0 || modules_binfile_flush(SELF) < 0)
        return NULL;
    int64_t size;
    if (nargs > 0 && args[0] != Ad_None) {
        size = AdNumber_AsSsize_t(args[0], AdExc_OverflowError);
        if (size == -1 && AdErr_Occurred())
            return NULL;
    }
    else if ((size = modules_binfile_tell(SELF)) < 0)
        return NULL;
    if (drop_readahead(SELF) < 0)
        return NULL;
    if (ftruncate(SELF->fd, (off_t)size) < 0)
        return AdErr_SetFromErrno(AdExc_OSError);
    return AdInt_FromInt64(size);
}

static AdObject *bin_fileno(AdObject *self, AdObject *unused)
{
    (void)unused;
    if (modules_io_check_closed(SELF->closed) < 0)
        return NULL;
    return AdInt_FromInt64(SELF->fd);
}

static AdObject *bin_isatty(AdObject *self, AdObject *unused)
{
    (void)unused;
    if (modules_io_check_closed(SELF->closed) < 0)
        return NULL;
    return AdBool_FromLong(isatty(SELF->fd));
}

static AdObject *bin_readable(AdObject *self, AdObject *unused)
{
    (void)unused;
    if (modules_io_check_closed(SELF->closed) < 0)
        return NULL;
    return AdBool_FromLong(SELF->readable);
}

static AdObject *bin_writable(AdObject *self, AdObject *unused)
{
    (void)unused;
    if (modules_io_check_closed(SELF->closed) < 0)
        return NULL;
    return AdBool_FromLong(SELF->writable);
}

static AdObject *bin_seekable(AdObject *self, AdObject *unused)
{
    (void)unused;
    if (modules_io_check_closed(SELF->closed) < 0)
        return NULL;
    if (SELF->seekable < 0)
        SELF->seekable = lseek(SELF->fd, 0, SEEK_CUR) >= 0;
    return AdBool_FromLong(SELF->seekable);
}

static AdObject *bin_enter(AdObject *self, AdObject *unused)
{
    (void)unused;
    if (modules_io_check_closed(SELF->closed) < 0)
        return NULL;
    return Ad_NewRef(self);
}

static AdObject *bin_exit(AdObject *self, AdObject *const *args, Ad_ssize_t nargs)
{
    (void)args;
    (void)nargs;
    return bin_close(self, NULL);
}

static AdObject *bin_iternext(AdObject *self)
{
    if (check_readable(SELF) < 0)
        return NULL;
    AdObject *line = bin_readline_n(SELF, -1);
    if (line && AdBytes_GET_SIZE(line) == 0) {
        Ad_DECREF(line);
        return NULL;
    }
    return line;
}

static AdObject *bin_iter(AdObject *self)
{
    if (modules_io_check_closed(SELF->closed) < 0)
        return NULL;
    return Ad_NewRef(self);
}

static AdObject *bin_repr(AdObject *self)
{
    const char *tname = AD_TYPE(self)->tp_name;
    AdObject *nr = AdObject_Repr(SELF->name);
    if (!nr)
        return NULL;
    AdObject *r;
    if (is_fileio(SELF)) {
        if (SELF->closed)
            r = AdStr_FromFormat("<%s [closed]>", tname);
        else
            r = AdStr_FromFormat("<%s name=%U mode='%s' closefd=%s>", tname, nr, SELF->mode,
                                 SELF->closefd ? "True" : "False");
    }
    else
        r = AdStr_FromFormat("<%s name=%U>", tname, nr);
    Ad_DECREF(nr);
    return r;
}

static AdObject *bin_get_closed(AdObject *self, void *c) { (void)c; return AdBool_FromLong(SELF->closed); }
static AdObject *bin_get_name(AdObject *self, void *c) { (void)c; return Ad_NewRef(SELF->name); }
static AdObject *bin_get_mode(AdObject *self, void *c) { (void)c; return AdStr_FromString(SELF->mode); }
static AdObject *bin_get_closefd(AdObject *self, void *c) { (void)c; return AdBool_FromLong(SELF->closefd); }
static AdObject *bin_get_raw(AdObject *self, void *c) { (void)c; return Ad_NewRef(self); }

static void bin_dealloc(AdObject *self)
{
    AdObject_GC_UnTrack(self);
    if (!SELF->closed) {
        AdObject *exc = AdErr_GetRaisedException();
        if (modules_binfile_close(SELF) < 0)
            AdErr_Clear();
        AdErr_SetRaisedException(exc);
    }
    free(SELF->wbuf);
    free(SELF->rbuf);
    AD_CLEAR(SELF->name);
    AD_CLEAR(SELF->dict);
    AD_TYPE(self)->tp_free(self);
}

static int bin_traverse(AdObject *self, visitproc visit, void *arg)
{
    if (SELF->dict) {
        int rc = visit(SELF->dict, arg);
        if (rc)
            return rc;
    }
    return 0;
}

static int bin_clear(AdObject *self)
{
    AD_CLEAR(SELF->dict);
    return 0;
}

#define M(name, fn, flags) {name, (void (*)(void))(fn), flags, NULL}
static AdMethodDef bin_methods[] = {
    M("read", bin_read, AD_METH_FASTCALL),
    M("read1", bin_read1, AD_METH_FASTCALL),
    M("readall", bin_read, AD_METH_FASTCALL),
    M("readline", bin_readline, AD_METH_FASTCALL),
    M("readlines", bin_readlines, AD_METH_FASTCALL),
    M("write", bin_write, AD_METH_O),
    M("writelines", bin_writelines, AD_METH_O),
    M("flush", bin_flush, AD_METH_NOARGS),
    M("close", bin_close, AD_METH_NOARGS),
    M("seek", bin_seek, AD_METH_FASTCALL),
    M("tell", bin_tell, AD_METH_NOARGS),
    M("truncate", bin_truncate, AD_METH_FASTCALL),
    M("fileno", bin_fileno, AD_METH_NOARGS),
    M("isatty", bin_isatty, AD_METH_NOARGS),
    M("readable", bin_readable, AD_METH_NOARGS),
    M("writable", bin_writable, AD_METH_NOARGS),
    M("seekable", bin_seekable, AD_METH_NOARGS),
    M("__enter__", bin_enter, AD_METH_NOARGS),
    M("__exit__", bin_exit, AD_METH_FASTCALL),
    {NULL, NULL, 0, NULL},
};

static AdGetSetDef bin_getset[] = {
    {"closed", bin_get_closed, NULL, NULL, NULL},
    {"name", bin_get_name, NULL, NULL, NULL},
    {"mode", bin_get_mode, NULL, NULL, NULL},
    {"closefd", bin_get_closefd, NULL, NULL, NULL},
    {"raw", bin_get_raw, NULL, NULL, NULL},
    {NULL, NULL, NULL, NULL, NULL},
};

#define BINARY_TYPE(var, tpname)                                           \
    AdTypeObject var = {                                                   \
        .ob_base = AD_STATIC_VAR_INIT(&AdType_Type, 0),                    \
        .tp_name = tpname,                                                 \
        .tp_basicsize = sizeof(AdBinaryFileObject),                        \
        .tp_dealloc = bin_dealloc,                                         \
        .tp_repr = bin_repr,                                               \
        .tp_getattro = AdObject_GenericGetAttr,                            \
        .tp_setattro = AdObject_GenericSetAttr,                            \
        .tp_flags = AD_TPFLAGS_HAVE_GC,                                    \
        .tp_traverse = bin_traverse,                                       \
        .tp_clear = bin_clear,                                             \
        .tp_iter = bin_iter,                                               \
        .tp_iternext = bin_iternext,                                       \
        .tp_methods = bin_methods,                                         \
        .tp_getset = bin_getset,                                           \
        .tp_dictoffset = offsetof(AdBinaryFileObject, dict),               \
        .tp_alloc = AdType_GenericAlloc,                                   \
        .tp_free = AdObject_GC_Del,                                        \
    }

BINARY_TYPE(AdFileIO_Type, "_io.FileIO");
BINARY_TYPE(AdBufferedReader_Type, "_io.BufferedReader");
BINARY_TYPE(AdBufferedWriter_Type, "_io.BufferedWriter");
BINARY_TYPE(AdBufferedRandom_Type, "_io.BufferedRandom");
