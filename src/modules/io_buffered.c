/* io_buffered.c: _io.BufferedReader, BufferedWriter, BufferedRandom (one
 * implementation: a read-ahead buffer and a pending-write buffer over a
 * raw stream, with reading after writing flushing first and writing after
 * reading moving the raw position back over the unread bytes) and
 * BufferedRWPair (a reader and a writer side by side). When the raw
 * stream is exactly an _io.FileIO its descriptor is used directly. */
#include <errno.h>
#include <stddef.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

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

#define BUF(o) ((io_buffered *)(o))
#define RAWFD(b) (((io_fileio *)(b)->raw)->fd)

int io_buffered_is_native(AdObject *o)
{
    return Ad_IS_TYPE(o, &AdBufferedReader_Type) || Ad_IS_TYPE(o, &AdBufferedWriter_Type) ||
           Ad_IS_TYPE(o, &AdBufferedRandom_Type);
}

static int check_init(io_buffered *b)
{
    if (!b->ok) {
        if (b->detached)
            AdErr_SetString(AdExc_ValueError, "raw stream has been detached");
        else
            AdErr_SetString(AdExc_ValueError, "I/O operation on uninitialized object");
        return -1;
    }
    return 0;
}

int io_buffered_closed_c(io_buffered *b)
{
    if (check_init(b) < 0)
        return -1;
    if (b->raw_native)
        return RAWFD(b) < 0;
    return io_object_closed(b->raw);
}

/* check_init + closed check with the operation's message. */
static int check_open(io_buffered *b, const char *msg)
{
    int c = io_buffered_closed_c(b);
    if (c < 0)
        return -1;
    if (c) {
        AdErr_SetString(AdExc_ValueError, msg);
        return -1;
    }
    return 0;
}

/* ---- the raw stream ---------------------------------------------------------- */

/* raw.readinto(view) or raw.write(view) of a Python raw stream over
 * [buf, buf + n): the count it returns (checked to be within 0..n), -2 for
 * None (it would block), -1 on error. */
static Ad_ssize_t raw_call_view(io_buffered *b, const char *method, char *buf, Ad_ssize_t n, int readonly)
{
    AdObject *mv = AdMemoryView_FromMemory(buf, n, readonly);
    if (!mv)
        return -1;
    AdObject *res = io_call1(b->raw, method, mv);
    AdObject *rel = io_call0(mv, "release");
    Ad_XDECREF(rel);
    Ad_DECREF(mv);
    if (!res)
        return -1;
    if (res == Ad_None) {
        Ad_DECREF(res);
        return -2;
    }
    Ad_ssize_t got = AdNumber_AsSsize_t(res, AdExc_ValueError);
    Ad_DECREF(res);
    if (got == -1 && AdErr_Occurred())
        return -1;
    if (got < 0 || got > n) {
        AdErr_Format(AdExc_OSError, "raw %s() returned invalid length %zd (should have been between 0 and %zd)",
                     method, got, n);
        return -1;
    }
    return got;
}

/* Reads at most n bytes into dst with one raw read: count, 0 at EOF, -2
 * when the raw stream would block (returned None), -1 on error. */
static Ad_ssize_t raw_read(io_buffered *b, char *dst, Ad_ssize_t n)
{
    if (b->raw_native) {
        if (RAWFD(b) < 0) {
            AdErr_SetString(AdExc_ValueError, "I/O operation on closed file");
            return -1;
        }
        if (!((io_fileio *)b->raw)->readable) {
            AdErr_SetString(io_UnsupportedOperation, "File not open for reading");
            return -1;
        }
        Ad_ssize_t r = io_fd_read(RAWFD(b), dst, n);
        if (r > 0 && b->abs_pos >= 0)
            b->abs_pos += r;
        return r;
    }
    Ad_ssize_t got = raw_call_view(b, "readinto", dst, n, 0);
    if (got >= 0)
        b->abs_pos = -1;
    return got;
}

static Ad_ssize_t raw_write(io_buffered *b, const char *src, Ad_ssize_t n)
{
    if (b->raw_native) {
        if (RAWFD(b) < 0) {
            AdErr_SetString(AdExc_ValueError, "I/O operation on closed file");
            return -1;
        }
        if (!((io_fileio *)b->raw)->writable) {
            AdErr_SetString(io_UnsupportedOperation, "File not open for writing");
            return -1;
        }
        return io_fd_write(RAWFD(b), src, n);
    }
    return raw_call_view(b, "write", (char *)src, n, 1);
}

static int64_t raw_seek(io_buffered *b, int64_t pos, int whence)
{
    if (b->raw_native) {
        if (RAWFD(b) < 0) {
            AdErr_SetString(AdExc_ValueError, "I/O operation on closed file");
            return -1;
        }
        off_t r = lseek(RAWFD(b), (off_t)pos, whence);
        if (r < 0) {
            AdErr_SetFromErrno(AdExc_OSError);
            return -1;
        }
        return r;
    }
    AdObject *a[2] = {AdInt_FromInt64(pos), AdInt_FromInt64(whence)};
    AdObject *res = a[0] && a[1] ? AdObject_CallMethod(b->raw, AdStr_InternFromString("seek"), a, 2) : NULL;
    Ad_XDECREF(a[0]);
    Ad_XDECREF(a[1]);
    if (!res)
        return -1;
    int64_t r = AdInt_AsInt64(res);
    Ad_DECREF(res);
    if (r == -1 && AdErr_Occurred())
        return -1;
    if (r < 0) {
        AdErr_Format(AdExc_OSError, "Raw stream returned invalid position %lld", (long long)r);
        return -1;
    }
    return r;
}

static int64_t raw_tell(io_buffered *b)
{
    if (b->raw_native) {
        if (RAWFD(b) < 0) {
            AdErr_SetString(AdExc_ValueError, "I/O operation on closed file");
            return -1;
        }
        off_t r = lseek(RAWFD(b), 0, SEEK_CUR);
        if (r < 0) {
            AdErr_SetFromErrno(AdExc_OSError);
            return -1;
        }
        return r;
    }
    AdObject *res = io_call0(b->raw, "tell");
    if (!res)
        return -1;
    int64_t r = AdInt_AsInt64(res);
    Ad_DECREF(res);
    if (r == -1 && AdErr_Occurred())
        return -1;
    if (r < 0) {
        AdErr_Format(AdExc_OSError, "Raw stream returned invalid position %lld", (long long)r);
        return -1;
    }
    return r;
}

/* ---- buffers ------------------------------------------------------------------ */

static int ensure_bufs(io_buffered *b)
{
    if (b->readable && !b->rbuf) {
        b->rbuf = malloc((size_t)b->buffer_size);
        if (!b->rbuf) {
            AdErr_NoMemory();
            return -1;
        }
    }
    if (b->writable && !b->wbuf) {
        b->wbuf = malloc((size_t)b->buffer_size);
        if (!b->wbuf) {
            AdErr_NoMemory();
            return -1;
        }
    }
    return 0;
}

static int flush_writes(io_buffered *b)
{
    Ad_ssize_t done = 0;
    while (done < b->wlen) {
        Ad_ssize_t w = raw_write(b, b->wbuf + done, b->wlen - done);
        if (w == -1) {
            memmove(b->wbuf, b->wbuf + done, (size_t)(b->wlen - done));
            b->wlen -= done;
            return -1;
        }
        if (w == -2) {
            memmove(b->wbuf, b->wbuf + done, (size_t)(b->wlen - done));
            b->wlen -= done;
            AdErr_SetString(AdExc_BlockingIOError, "write could not complete without blocking");
            return -1;
        }
        done += w;
    }
    b->wlen = 0;
    return 0;
}

/* Gives the unread read-ahead back to the raw stream (before writing). */
static int drop_readahead(io_buffered *b)
{
    Ad_ssize_t unread = b->rlen - b->rpos;
    if (unread > 0 && raw_seek(b, -(int64_t)unread, SEEK_CUR) < 0)
        return -1;
    b->rpos = b->rlen = 0;
    return 0;
}

/* Refills the read buffer with one raw read (after moving unread bytes to
 * the front). Bytes added, 0 EOF, -2 would block, -1 error. */
static Ad_ssize_t fill(io_buffered *b)
{
    if (b->wlen && flush_writes(b) < 0)
        return -1;
    if (ensure_bufs(b) < 0)
        return -1;
    if (b->rpos > 0) {
        memmove(b->rbuf, b->rbuf + b->rpos, (size_t)(b->rlen - b->rpos));
        b->rlen -= b->rpos;
        b->rpos = 0;
    }
    if (b->rlen >= b->buffer_size)
        return 0;
    Ad_ssize_t r = raw_read(b, b->rbuf + b->rlen, b->buffer_size - b->rlen);
    if (r > 0)
        b->rlen += r;
    return r;
}

int io_buffered_flush_c(io_buffered *b)
{
    if (check_open(b, "flush of closed file") < 0)
        return -1;
    return b->wlen ? flush_writes(b) : 0;
}

int io_buffered_write_c(io_buffered *b, const char *data, Ad_ssize_t n)
{
    if (check_open(b, "write to closed file") < 0)
        return -1;
    if (b->rlen > b->rpos && drop_readahead(b) < 0)
        return -1;
    b->rpos = b->rlen = 0;
    if (ensure_bufs(b) < 0)
        return -1;
    if (b->wlen + n <= b->buffer_size) {
        memcpy(b->wbuf + b->wlen, data, (size_t)n);
        b->wlen += n;
        return 0;
    }
    if (b->wlen && flush_writes(b) < 0)
        return -1;
    if (n >= b->buffer_size) {
        Ad_ssize_t done = 0;
        while (done < n) {
            Ad_ssize_t w = raw_write(b, data + done, n - done);
            if (w == -1)
                return -1;
            if (w == -2) {
                AdErr_SetString(AdExc_BlockingIOError, "write could not complete without blocking");
                return -1;
            }
            done += w;
        }
        return 0;
    }
    memcpy(b->wbuf, data, (size_t)n);
    b->wlen = n;
    return 0;
}

AdObject *io_buffered_read1_c(io_buffered *b, Ad_ssize_t n)
{
    if (check_open(b, "read of closed file") < 0)
        return NULL;
    if (n < 0)
        n = b->buffer_size;
    if (b->rlen == b->rpos && n > 0) {
        b->rpos = b->rlen = 0;
        if (n >= b->buffer_size) {
            if (b->wlen && flush_writes(b) < 0)
                return NULL;
            AdObject *res = AdBytes_FromStringAndSize(NULL, n);
            if (!res)
                return NULL;
            Ad_ssize_t r = raw_read(b, AdBytes_AS_STRING(res), n);
            if (r < 0) {
                Ad_DECREF(res);
                if (r == -2)
                    Ad_RETURN_NONE;
                return NULL;
            }
            if (r != n && AdBytes_Resize(&res, r) < 0)
                return NULL;
            return res;
        }
        Ad_ssize_t r = fill(b);
        if (r == -1)
            return NULL;
        if (r == -2)
            Ad_RETURN_NONE;
    }
    Ad_ssize_t avail = b->rlen - b->rpos;
    if (n > avail)
        n = avail;
    AdObject *res = AdBytes_FromStringAndSize(n ? b->rbuf + b->rpos : "", n);
    if (res)
        b->rpos += n;
    return res;
}

int64_t io_buffered_tell_c(io_buffered *b)
{
    int64_t pos = raw_tell(b);
    if (pos < 0)
        return -1;
    pos = pos - (b->rlen - b->rpos) + b->wlen;
    return pos < 0 ? 0 : pos;
}

/* ---- construction ---------------------------------------------------------------- */

static AdObject *buffered_new(AdTypeObject *type, AdObject *args, AdObject *kwds)
{
    (void)args;
    (void)kwds;
    return type->tp_alloc(type, 0);
}

static int check_raw(AdObject *raw, const char *meth, const char *msg)
{
    if (Ad_IS_TYPE(raw, &AdFileIO_Type)) {
        /* a native raw file answers without a method call */
        io_fileio *f = (io_fileio *)raw;
        if (f->fd < 0) {
            AdErr_SetString(AdExc_ValueError, "I/O operation on closed file");
            return -1;
        }
        int ok = meth[0] == 'r' ? f->readable : meth[0] == 'w' ? f->writable
            : (f->seekable < 0 ? (f->seekable = lseek(f->fd, 0, SEEK_CUR) >= 0) : f->seekable);
        if (!ok) {
            AdErr_SetString(io_UnsupportedOperation, msg);
            return -1;
        }
        return 0;
    }
    AdObject *r = io_call0(raw, meth);
    if (!r)
        return -1;
    int t = AdObject_IsTrue(r);
    Ad_DECREF(r);
    if (t < 0)
        return -1;
    if (!t) {
        AdErr_SetString(io_UnsupportedOperation, msg);
        return -1;
    }
    return 0;
}

static int buffered_init_kind(AdObject *self, AdObject *args, AdObject *kwds, int kind, const char *fname)
{
    static const char *const names[] = {"raw", "buffer_size", NULL};
    AdObject *v[2];
    io_buffered *b = BUF(self);
    b->ok = 0;
    b->detached = 0;
    if (io_parse_init(fname, args, kwds, names, 0, 1, v) < 0)
        return -1;
    Ad_ssize_t size = IO_DEFAULT_BUFFER_SIZE;
    if (v[1]) {
        size = AdNumber_AsSsize_t(v[1], AdExc_OverflowError);
        if (size == -1 && AdErr_Occurred())
            return -1;
    }
    AdObject *raw = v[0];
    if (kind == IO_BR_RANDOM && check_raw(raw, "seekable", "File or stream is not seekable.") < 0)
        return -1;
    if ((kind & IO_BR_READER) && check_raw(raw, "readable", "File or stream is not readable.") < 0)
        return -1;
    if ((kind & IO_BR_WRITER) && check_raw(raw, "writable", "File or stream is not writable.") < 0)
        return -1;
    if (size <= 0) {
        AdErr_SetString(AdExc_ValueError, "buffer size must be strictly positive");
        return -1;
    }
    AD_XSETREF(b->raw, Ad_NewRef(raw));
    b->kind = (unsigned char)kind;
    b->readable = (kind & IO_BR_READER) != 0;
    b->writable = (kind & IO_BR_WRITER) != 0;
    b->raw_native = Ad_IS_TYPE(raw, &AdFileIO_Type);
    free(b->rbuf);
    free(b->wbuf);
    b->rbuf = b->wbuf = NULL;
    b->rpos = b->rlen = b->wlen = 0;
    b->buffer_size = size;
    b->abs_pos = -1;
    b->ok = 1;
    return 0;
}

static int reader_init(AdObject *self, AdObject *args, AdObject *kwds)
{
    return buffered_init_kind(self, args, kwds, IO_BR_READER, "BufferedReader");
}

static int writer_init(AdObject *self, AdObject *args, AdObject *kwds)
{
    return buffered_init_kind(self, args, kwds, IO_BR_WRITER, "BufferedWriter");
}

static int random_init(AdObject *self, AdObject *args, AdObject *kwds)
{
    return buffered_init_kind(self, args, kwds, IO_BR_RANDOM, "BufferedRandom");
}

static void buffered_dealloc(AdObject *self)
{
    io_buffered *b = BUF(self);
    if (b->ok && io_dealloc_finalize(self))
        return;
    AdObject_GC_UnTrack(self);
    AD_CLEAR(b->raw);
    free(b->rbuf);
    free(b->wbuf);
    b->rbuf = b->wbuf = NULL;
    io_base_clear_head(self);
    AD_TYPE(self)->tp_free(self);
}

static int buffered_traverse(AdObject *self, visitproc visit, void *arg)
{
    if (BUF(self)->raw) {
        int r = visit(BUF(self)->raw, arg);
        if (r)
            return r;
    }
    return io_base_traverse(self, visit, arg);
}

static int buffered_clear(AdObject *self)
{
    BUF(self)->ok = 0;
    AD_CLEAR(BUF(self)->raw);
    io_base_clear_head(self);
    return 0;
}

/* ---- methods ------------------------------------------------------------------------ */

#define CHECK_OPEN(b, msg) do { if (check_open((b), (msg)) < 0) return NULL; } while (0)

static AdObject *buffered_read(AdObject *self, AdObject *const *args, Ad_ssize_t nargs)
{
    io_buffered *b = BUF(self);
    if (AdArg_CheckPositional("read", nargs, 0, 1) < 0)
        return NULL;
    if (check_init(b) < 0)
        return NULL;
    Ad_ssize_t n;
    if (io_size_arg(nargs ? args[0] : NULL, &n) < 0)
        return NULL;
    if (n < -1) {
        AdErr_SetString(AdExc_ValueError, "read length must be non-negative or -1");
        return NULL;
    }
    CHECK_OPEN(b, "read of closed file");
    if (!b->readable)
        return io_unsupported("read");
    if (b->wlen && flush_writes(b) < 0)
        return NULL;
    Ad_ssize_t avail = b->rlen - b->rpos;
    if (n >= 0 && n <= avail) {
        AdObject *r = AdBytes_FromStringAndSize(n ? b->rbuf + b->rpos : "", n);
        if (r)
            b->rpos += n;
        return r;
    }
    if (n < 0) {
        /* everything: the buffered rest, then the raw stream to its end */
        AdObject *head = AdBytes_FromStringAndSize(avail ? b->rbuf + b->rpos : "", avail);
        if (!head)
            return NULL;
        b->rpos = b->rlen = 0;
        AdObject *rest;
        if (b->raw_native) {
            AdObject *ra = AdType_LookupString(&AdFileIO_Type, "readall");
            rest = ra ? AdObject_CallOneArg(ra, b->raw) : NULL;
        }
        else {
            AdObject *ra = NULL;
            if (AdObject_GetOptionalAttr(b->raw, AdStr_InternFromString("readall"), &ra) < 0) {
                Ad_DECREF(head);
                return NULL;
            }
            if (ra) {
                rest = AdObject_CallNoArgs(ra);
                Ad_DECREF(ra);
            }
            else {
                /* a raw stream without readall(): read chunks to the end */
                AdObject *acc = AdByteArray_FromStringAndSize(NULL, 0);
                rest = NULL;
                while (acc) {
                    Ad_ssize_t have = AdByteArray_GET_SIZE(acc);
                    if (AdByteArray_Resize(acc, have + b->buffer_size) < 0) {
                        AD_CLEAR(acc);
                        break;
                    }
                    Ad_ssize_t r = raw_read(b, AdByteArray_AS_STRING(acc) + have, b->buffer_size);
                    if (r == -1) {
                        AD_CLEAR(acc);
                        break;
                    }
                    if (AdByteArray_Resize(acc, have + (r > 0 ? r : 0)) < 0) {
                        AD_CLEAR(acc);
                        break;
                    }
                    if (r <= 0) {
                        rest = (r == -2 && have == 0) ? Ad_NewRef(Ad_None)
                            : AdBytes_FromStringAndSize(AdByteArray_AS_STRING(acc), AdByteArray_GET_SIZE(acc));
                        break;
                    }
                }
                Ad_XDECREF(acc);
            }
            b->abs_pos = -1;
        }
        if (!rest) {
            Ad_DECREF(head);
            return NULL;
        }
        if (rest == Ad_None) {
            if (avail == 0) {
                Ad_DECREF(head);
                return rest;
            }
            Ad_DECREF(rest);
            return head;
        }
        if (!AdBytes_Check(rest)) {
            Ad_DECREF(head);
            Ad_DECREF(rest);
            AdErr_SetString(AdExc_TypeError, "readall() should return bytes");
            return NULL;
        }
        if (avail == 0) {
            Ad_DECREF(head);
            return rest;
        }
        AdObject *r = AdBytes_FromStringAndSize(NULL, avail + AdBytes_GET_SIZE(rest));
        if (r) {
            memcpy(AdBytes_AS_STRING(r), AdBytes_AS_STRING(head), (size_t)avail);
            memcpy(AdBytes_AS_STRING(r) + avail, AdBytes_AS_STRING(rest), (size_t)AdBytes_GET_SIZE(rest));
        }
        Ad_DECREF(head);
        Ad_DECREF(rest);
        return r;
    }
    AdObject *res = AdBytes_FromStringAndSize(NULL, n);
    if (!res)
        return NULL;
    char *out = AdBytes_AS_STRING(res);
    Ad_ssize_t got = avail;
    if (avail)
        memcpy(out, b->rbuf + b->rpos, (size_t)avail);
    b->rpos = b->rlen = 0;
    while (got < n) {
        Ad_ssize_t want = n - got;
        Ad_ssize_t r;
        if (want >= b->buffer_size) {
            r = raw_read(b, out + got, want);
            if (r > 0)
                got += r;
        }
        else {
            r = fill(b);
            if (r > 0) {
                Ad_ssize_t take = b->rlen - b->rpos < want ? b->rlen - b->rpos : want;
                memcpy(out + got, b->rbuf + b->rpos, (size_t)take);
                b->rpos += take;
                got += take;
            }
        }
        if (r == -1) {
            Ad_DECREF(res);
            return NULL;
        }
        if (r == -2) {
            if (got == 0) {
                Ad_DECREF(res);
                Ad_RETURN_NONE;
            }
            break;
        }
        if (r == 0)
            break;
    }
    if (got != n && AdBytes_Resize(&res, got) < 0)
        return NULL;
    return res;
}

static AdObject *buffered_read1(AdObject *self, AdObject *const *args, Ad_ssize_t nargs)
{
    io_buffered *b = BUF(self);
    if (AdArg_CheckPositional("read1", nargs, 0, 1) < 0)
        return NULL;
    if (check_init(b) < 0)
        return NULL;
    Ad_ssize_t n;
    if (io_size_arg(nargs ? args[0] : NULL, &n) < 0)
        return NULL;
    if (!b->readable)
        return io_unsupported("read1");
    return io_buffered_read1_c(b, n);
}

static AdObject *buffered_peek(AdObject *self, AdObject *const *args, Ad_ssize_t nargs)
{
    io_buffered *b = BUF(self);
    (void)args;
    if (AdArg_CheckPositional("peek", nargs, 0, 1) < 0)
        return NULL;
    if (check_init(b) < 0)
        return NULL;
    CHECK_OPEN(b, "peek of closed file");
    if (b->rlen == b->rpos) {
        b->rpos = b->rlen = 0;
        Ad_ssize_t r = fill(b);
        if (r == -1)
            return NULL;
    }
    return AdBytes_FromStringAndSize(b->rlen > b->rpos ? b->rbuf + b->rpos : "", b->rlen - b->rpos);
}

static AdObject *readinto_common(AdObject *self, AdObject *arg, int one)
{
    io_buffered *b = BUF(self);
    if (check_init(b) < 0)
        return NULL;
    CHECK_OPEN(b, "readinto of closed file");
    AdBuffer view;
    if (AdObject_GetBuffer(arg, &view, AD_BUF_WRITABLE) < 0)
        return NULL;
    char *out = view.buf;
    Ad_ssize_t n = view.len, got = 0;
    if (b->wlen && flush_writes(b) < 0)
        goto fail;
    Ad_ssize_t avail = b->rlen - b->rpos;
    if (avail) {
        got = avail < n ? avail : n;
        memcpy(out, b->rbuf + b->rpos, (size_t)got);
        b->rpos += got;
    }
    while (got < n) {
        if (one && got > 0)
            break;
        Ad_ssize_t want = n - got, r;
        if (want >= b->buffer_size) {
            b->rpos = b->rlen = 0;
            r = raw_read(b, out + got, want);
            if (r > 0)
                got += r;
        }
        else {
            r = fill(b);
            if (r > 0) {
                Ad_ssize_t take = b->rlen - b->rpos < want ? b->rlen - b->rpos : want;
                memcpy(out + got, b->rbuf + b->rpos, (size_t)take);
                b->rpos += take;
                got += take;
            }
        }
        if (r == -1)
            goto fail;
        if (r == -2) {
            if (got == 0) {
                AdBuffer_Release(&view);
                Ad_RETURN_NONE;
            }
            break;
        }
        if (r == 0 || one)
            break;
    }
    AdBuffer_Release(&view);
    return AdInt_FromSsize_t(got);
fail:
    AdBuffer_Release(&view);
    return NULL;
}

static AdObject *buffered_readinto(AdObject *self, AdObject *arg) { return readinto_common(self, arg, 0); }
static AdObject *buffered_readinto1(AdObject *self, AdObject *arg) { return readinto_common(self, arg, 1); }

static AdObject *readline_c(io_buffered *b, Ad_ssize_t limit)
{
    if (check_open(b, "readline of closed file") < 0)
        return NULL;
    if (b->wlen && flush_writes(b) < 0)
        return NULL;
    /* fast path: the whole line is in the buffer */
    Ad_ssize_t avail = b->rlen - b->rpos;
    Ad_ssize_t scan = limit >= 0 && limit < avail ? limit : avail;
    const char *start = b->rbuf ? b->rbuf + b->rpos : NULL;
    const char *nl = scan ? memchr(start, '\n', (size_t)scan) : NULL;
    if (nl || (limit >= 0 && scan == limit)) {
        Ad_ssize_t n = nl ? (nl - start) + 1 : scan;
        AdObject *r = AdBytes_FromStringAndSize(n ? start : "", n);
        if (r)
            b->rpos += n;
        return r;
    }
    AdObject *acc = AdByteArray_FromStringAndSize(NULL, 0);
    if (!acc)
        return NULL;
    for (;;) {
        avail = b->rlen - b->rpos;
        Ad_ssize_t have = AdByteArray_GET_SIZE(acc);
        scan = limit >= 0 && limit - have < avail ? limit - have : avail;
        start = b->rbuf ? b->rbuf + b->rpos : NULL;
        nl = scan ? memchr(start, '\n', (size_t)scan) : NULL;
        Ad_ssize_t take = nl ? (nl - start) + 1 : scan;
        if (take) {
            if (AdByteArray_Resize(acc, have + take) < 0)
                goto fail;
            memcpy(AdByteArray_AS_STRING(acc) + have, start, (size_t)take);
            b->rpos += take;
        }
        if (nl || (limit >= 0 && AdByteArray_GET_SIZE(acc) >= limit))
            break;
        b->rpos = b->rlen = 0;
        Ad_ssize_t r = fill(b);
        if (r == -1)
            goto fail;
        if (r <= 0)
            break;
    }
    AdObject *res = AdBytes_FromStringAndSize(AdByteArray_AS_STRING(acc), AdByteArray_GET_SIZE(acc));
    Ad_DECREF(acc);
    return res;
fail:
    Ad_DECREF(acc);
    return NULL;
}

static AdObject *buffered_readline(AdObject *self, AdObject *const *args, Ad_ssize_t nargs)
{
    io_buffered *b = BUF(self);
    if (AdArg_CheckPositional("readline", nargs, 0, 1) < 0)
        return NULL;
    if (check_init(b) < 0)
        return NULL;
    Ad_ssize_t n;
    if (io_size_arg(nargs ? args[0] : NULL, &n) < 0)
        return NULL;
    return readline_c(b, n);
}

static AdObject *buffered_iternext(AdObject *self)
{
    io_buffered *b = BUF(self);
    if (check_init(b) < 0)
        return NULL;
    AdObject *line;
    if (io_buffered_is_native(self))
        line = readline_c(b, -1);
    else
        return io_iternext_readline(self);
    if (line && AdBytes_GET_SIZE(line) == 0) {
        Ad_DECREF(line);
        return NULL;
    }
    return line;
}

static AdObject *buffered_write(AdObject *self, AdObject *arg)
{
    io_buffered *b = BUF(self);
    if (check_init(b) < 0)
        return NULL;
    AdBuffer view;
    if (AdObject_GetBuffer(arg, &view, AD_BUF_SIMPLE) < 0)
        return NULL;
    int rc = io_buffered_write_c(b, view.buf, view.len);
    Ad_ssize_t n = view.len;
    AdBuffer_Release(&view);
    if (rc < 0)
        return NULL;
    return AdInt_FromSsize_t(n);
}

static AdObject *buffered_flush(AdObject *self, AdObject *unused)
{
    (void)unused;
    io_buffered *b = BUF(self);
    if (io_buffered_flush_c(b) < 0)
        return NULL;
    if (b->kind == IO_BR_RANDOM && b->rlen > b->rpos) {
        /* keep the raw position where the caller is */
        if (drop_readahead(b) < 0)
            return NULL;
    }
    Ad_RETURN_NONE;
}

static AdObject *buffered_tell(AdObject *self, AdObject *unused)
{
    (void)unused;
    io_buffered *b = BUF(self);
    if (check_init(b) < 0)
        return NULL;
    int64_t pos = io_buffered_tell_c(b);
    if (pos < 0)
        return NULL;
    return AdInt_FromInt64(pos);
}

static AdObject *buffered_seek(AdObject *self, AdObject *const *args, Ad_ssize_t nargs)
{
    io_buffered *b = BUF(self);
    if (AdArg_CheckPositional("seek", nargs, 1, 2) < 0)
        return NULL;
    if (check_init(b) < 0)
        return NULL;
    int64_t whence = 0;
    if (nargs > 1 && (whence = AdInt_AsInt64(args[1])) == -1 && AdErr_Occurred())
        return NULL;
    if (whence < 0 || whence > 2)
        return AdErr_Format(AdExc_ValueError, "whence value %lld unsupported", (long long)whence);
    CHECK_OPEN(b, "seek of closed file");
    AdObject *s = io_call0(b->raw, "seekable");
    if (!s)
        return NULL;
    int t = AdObject_IsTrue(s);
    Ad_DECREF(s);
    if (t <= 0)
        return t < 0 ? NULL : io_unsupported("File or stream is not seekable.");
    AdObject *p = AdNumber_Index(args[0]);
    if (!p)
        return NULL;
    int64_t target = AdInt_AsInt64(p);
    Ad_DECREF(p);
    if (target == -1 && AdErr_Occurred())
        return NULL;
    if (b->wlen && flush_writes(b) < 0)
        return NULL;
    if (whence != 2 && b->rlen > b->rpos) {
        /* inside the read buffer: move without a raw seek */
        int64_t rawpos = raw_tell(b);
        if (rawpos < 0)
            return NULL;
        int64_t cur = rawpos - (b->rlen - b->rpos);
        int64_t want = whence == 1 ? cur + target : target;
        int64_t bufstart = rawpos - b->rlen;
        if (want >= bufstart && want <= rawpos) {
            b->rpos = (Ad_ssize_t)(want - bufstart);
            return AdInt_FromInt64(want);
        }
        if (whence == 1)
            target -= (b->rlen - b->rpos);
    }
    b->rpos = b->rlen = 0;
    int64_t r = raw_seek(b, target, (int)whence);
    if (r < 0)
        return NULL;
    return AdInt_FromInt64(r);
}

static AdObject *buffered_truncate(AdObject *self, AdObject *const *args, Ad_ssize_t nargs)
{
    io_buffered *b = BUF(self);
    if (AdArg_CheckPositional("truncate", nargs, 0, 1) < 0)
        return NULL;
    if (check_init(b) < 0)
        return NULL;
    CHECK_OPEN(b, "truncate of closed file");
    if (!b->writable)
        return io_unsupported("truncate");
    if (b->wlen && flush_writes(b) < 0)
        return NULL;
    AdObject *pos;
    if (nargs && args[0] != Ad_None)
        pos = Ad_NewRef(args[0]);
    else {
        int64_t p = io_buffered_tell_c(b);
        if (p < 0)
            return NULL;
        pos = AdInt_FromInt64(p);
        if (!pos)
            return NULL;
    }
    if (b->rlen > b->rpos && drop_readahead(b) < 0) {
        Ad_DECREF(pos);
        return NULL;
    }
    AdObject *r = io_call1(b->raw, "truncate", pos);
    Ad_DECREF(pos);
    return r;
}

static AdObject *buffered_close(AdObject *self, AdObject *unused)
{
    (void)unused;
    io_buffered *b = BUF(self);
    if (check_init(b) < 0)
        return NULL;
    int c = io_buffered_closed_c(b);
    if (c < 0)
        return NULL;
    if (c)
        Ad_RETURN_NONE;
    if (b->finalizing) {
        AdObject *r = io_call1(b->raw, "_dealloc_warn", self);
        if (r)
            Ad_DECREF(r);
        else
            AdErr_Clear();
    }
    AdObject *exc = NULL;
    if (b->wlen && flush_writes(b) < 0)
        exc = AdErr_GetRaisedException();
    b->wlen = 0;
    AdObject *r = io_call0(b->raw, "close");
    free(b->rbuf);
    free(b->wbuf);
    b->rbuf = b->wbuf = NULL;
    b->rpos = b->rlen = 0;
    if (!r) {
        if (exc) {
            AdObject *exc2 = AdErr_GetRaisedException();
            AdErr_SetRaisedException(exc);
            AdErr_ChainExceptions(exc2);
            (void)exc2;
            return NULL;
        }
        return NULL;
    }
    Ad_DECREF(r);
    if (exc) {
        AdErr_SetRaisedException(exc);
        return NULL;
    }
    Ad_RETURN_NONE;
}

static AdObject *buffered_detach(AdObject *self, AdObject *unused)
{
    (void)unused;
    io_buffered *b = BUF(self);
    if (check_init(b) < 0)
        return NULL;
    AdObject *r = buffered_flush(self, NULL);
    if (!r)
        return NULL;
    Ad_DECREF(r);
    AdObject *raw = b->raw;
    b->raw = NULL;
    b->ok = 0;
    b->detached = 1;
    return raw;
}

static AdObject *delegate(AdObject *self, const char *meth)
{
    io_buffered *b = BUF(self);
    if (check_init(b) < 0)
        return NULL;
    return io_call0(b->raw, meth);
}

static AdObject *buffered_seekable(AdObject *self, AdObject *u) { (void)u; return delegate(self, "seekable"); }
static AdObject *buffered_readable(AdObject *self, AdObject *u) { (void)u; return delegate(self, "readable"); }
static AdObject *buffered_writable(AdObject *self, AdObject *u) { (void)u; return delegate(self, "writable"); }
static AdObject *buffered_fileno(AdObject *self, AdObject *u) { (void)u; return delegate(self, "fileno"); }
static AdObject *buffered_isatty(AdObject *self, AdObject *u) { (void)u; return delegate(self, "isatty"); }

static AdObject *buffered_dealloc_warn(AdObject *self, AdObject *source)
{
    io_buffered *b = BUF(self);
    if (b->ok && b->raw) {
        AdObject *r = io_call1(b->raw, "_dealloc_warn", source);
        if (r)
            Ad_DECREF(r);
        else
            AdErr_Clear();
    }
    Ad_RETURN_NONE;
}

static AdObject *buffered_getstate(AdObject *self, AdObject *unused)
{
    (void)unused;
    return AdErr_Format(AdExc_TypeError, "cannot pickle '%s' instances", AdType_Name(AD_TYPE(self)));
}

static AdObject *buffered_sizeof(AdObject *self, AdObject *unused)
{
    (void)unused;
    io_buffered *b = BUF(self);
    Ad_ssize_t n = (Ad_ssize_t)sizeof(io_buffered);
    if (b->rbuf)
        n += b->buffer_size;
    if (b->wbuf)
        n += b->buffer_size;
    return AdInt_FromSsize_t(n);
}

static AdObject *buffered_raw_get(AdObject *self, void *c)
{
    (void)c;
    io_buffered *b = BUF(self);
    if (!b->raw)
        Ad_RETURN_NONE;
    return Ad_NewRef(b->raw);
}

static AdObject *buffered_closed_get(AdObject *self, void *c)
{
    (void)c;
    io_buffered *b = BUF(self);
    if (check_init(b) < 0)
        return NULL;
    if (b->raw_native)
        return AdBool_FromLong(RAWFD(b) < 0);
    return AdObject_GetAttr(b->raw, AdStr_InternFromString("closed"));
}

static AdObject *buffered_name_get(AdObject *self, void *c)
{
    (void)c;
    io_buffered *b = BUF(self);
    if (check_init(b) < 0)
        return NULL;
    return AdObject_GetAttr(b->raw, AdStr_InternFromString("name"));
}

static AdObject *buffered_mode_get(AdObject *self, void *c)
{
    (void)c;
    io_buffered *b = BUF(self);
    if (check_init(b) < 0)
        return NULL;
    return AdObject_GetAttr(b->raw, AdStr_InternFromString("mode"));
}

static AdObject *buffered_finalizing_get(AdObject *self, void *c)
{
    (void)c;
    return AdBool_FromLong(BUF(self)->finalizing);
}

static AdObject *buffered_repr(AdObject *self)
{
    const char *tname = AdType_Name(AD_TYPE(self));
    AdObject *name = NULL;
    if (AdObject_GetOptionalAttr(self, AdStr_InternFromString("name"), &name) < 0) {
        if (!AdErr_ExceptionMatches(AdExc_ValueError))
            return NULL;
        AdErr_Clear();
    }
    if (!name)
        return AdStr_FromFormat("<%s>", tname);
    if (Ad_EnterRecursiveCall(" while getting the repr of an object")) {
        Ad_DECREF(name);
        AdErr_Clear();
        return AdErr_Format(AdExc_RuntimeError, "reentrant call inside %s.__repr__", tname);
    }
    AdObject *r = AdStr_FromFormat("<%s name=%R>", tname, name);
    Ad_LeaveRecursiveCall();
    Ad_DECREF(name);
    return r;
}

#define M(name, fn, flags) {name, (void (*)(void))(fn), flags, NULL}
#define COMMON_METHODS \
    M("flush", buffered_flush, AD_METH_NOARGS), \
    M("close", buffered_close, AD_METH_NOARGS), \
    M("detach", buffered_detach, AD_METH_NOARGS), \
    M("seekable", buffered_seekable, AD_METH_NOARGS), \
    M("readable", buffered_readable, AD_METH_NOARGS), \
    M("writable", buffered_writable, AD_METH_NOARGS), \
    M("fileno", buffered_fileno, AD_METH_NOARGS), \
    M("isatty", buffered_isatty, AD_METH_NOARGS), \
    M("_dealloc_warn", buffered_dealloc_warn, AD_METH_O), \
    M("seek", buffered_seek, AD_METH_FASTCALL), \
    M("tell", buffered_tell, AD_METH_NOARGS), \
    M("truncate", buffered_truncate, AD_METH_FASTCALL), \
    M("__getstate__", buffered_getstate, AD_METH_NOARGS), \
    M("__sizeof__", buffered_sizeof, AD_METH_NOARGS)
#define READ_METHODS \
    M("read", buffered_read, AD_METH_FASTCALL), \
    M("read1", buffered_read1, AD_METH_FASTCALL), \
    M("peek", buffered_peek, AD_METH_FASTCALL), \
    M("readinto", buffered_readinto, AD_METH_O), \
    M("readinto1", buffered_readinto1, AD_METH_O), \
    M("readline", buffered_readline, AD_METH_FASTCALL)

static AdMethodDef reader_methods[] = {COMMON_METHODS, READ_METHODS, {NULL, NULL, 0, NULL}};
static AdMethodDef writer_methods[] = {COMMON_METHODS, M("write", buffered_write, AD_METH_O), {NULL, NULL, 0, NULL}};
static AdMethodDef random_methods[] = {COMMON_METHODS, READ_METHODS, M("write", buffered_write, AD_METH_O),
                                       {NULL, NULL, 0, NULL}};

static AdGetSetDef buffered_getset[] = {
    {"raw", buffered_raw_get, NULL, NULL, NULL},
    {"closed", buffered_closed_get, NULL, NULL, NULL},
    {"name", buffered_name_get, NULL, NULL, NULL},
    {"mode", buffered_mode_get, NULL, NULL, NULL},
    {"_finalizing", buffered_finalizing_get, NULL, NULL, NULL},
    {NULL, NULL, NULL, NULL, NULL},
};

#define BUFFERED_FIELDS \
    .ob_base = AD_STATIC_VAR_INIT(&AdType_Type, 0), \
    .tp_basicsize = sizeof(io_buffered), \
    .tp_dealloc = buffered_dealloc, \
    .tp_repr = buffered_repr, \
    .tp_getattro = AdObject_GenericGetAttr, \
    .tp_setattro = AdObject_GenericSetAttr, \
    .tp_flags = AD_TPFLAGS_HAVE_GC | AD_TPFLAGS_BASETYPE, \
    .tp_traverse = buffered_traverse, \
    .tp_clear = buffered_clear, \
    .tp_getset = buffered_getset, \
    .tp_base = &AdBufferedIOBase_Type, \
    .tp_dictoffset = offsetof(io_buffered, dict), \
    .tp_weaklistoffset = offsetof(io_buffered, weakreflist), \
    .tp_alloc = AdType_GenericAlloc, \
    .tp_new = buffered_new, \
    .tp_free = AdObject_GC_Del, \
    .tp_finalize = io_base_finalize

AdTypeObject AdBufferedReader_Type = {
    BUFFERED_FIELDS,
    .tp_name = "_io.BufferedReader",
    .tp_doc = "BufferedReader(raw, buffer_size=DEFAULT_BUFFER_SIZE)\n--\n\nCreate a new buffered reader using the given readable raw IO object.",
    .tp_iternext = buffered_iternext,
    .tp_methods = reader_methods,
    .tp_init = reader_init,
};

AdTypeObject AdBufferedWriter_Type = {
    BUFFERED_FIELDS,
    .tp_name = "_io.BufferedWriter",
    .tp_doc = "BufferedWriter(raw, buffer_size=DEFAULT_BUFFER_SIZE)\n--\n\nA buffer for a writeable sequential RawIO object.",
    .tp_methods = writer_methods,
    .tp_init = writer_init,
};

AdTypeObject AdBufferedRandom_Type = {
    BUFFERED_FIELDS,
    .tp_name = "_io.BufferedRandom",
    .tp_doc = "BufferedRandom(raw, buffer_size=DEFAULT_BUFFER_SIZE)\n--\n\nA buffered interface to random access streams.",
    .tp_iternext = buffered_iternext,
    .tp_methods = random_methods,
    .tp_init = random_init,
};

/* ---- BufferedRWPair -------------------------------------------------------------- */

#define PAIR(o) ((io_rwpair *)(o))

static int rwpair_init(AdObject *self, AdObject *args, AdObject *kwds)
{
    static const char *const names[] = {"reader", "writer", "buffer_size", NULL};
    AdObject *v[3];
    if (kwds && AdDict_GET_SIZE(kwds) > 0) {
        AdErr_SetString(AdExc_TypeError, "BufferedRWPair() takes no keyword arguments");
        return -1;
    }
    if (AdArg_CheckPositional("BufferedRWPair", args ? AdTuple_GET_SIZE(args) : 0, 2, 3) < 0 ||
        io_parse_init("BufferedRWPair", args, NULL, names, 3, 2, v) < 0)
        return -1;
    if (check_raw(v[0], "readable", "File or stream is not readable.") < 0 ||
        check_raw(v[1], "writable", "File or stream is not writable.") < 0)
        return -1;
    AdObject *a[2] = {v[0], v[2]};
    AdObject *reader = AdObject_Vectorcall((AdObject *)&AdBufferedReader_Type, a, v[2] ? 2 : 1, NULL);
    if (!reader)
        return -1;
    a[0] = v[1];
    AdObject *writer = AdObject_Vectorcall((AdObject *)&AdBufferedWriter_Type, a, v[2] ? 2 : 1, NULL);
    if (!writer) {
        Ad_DECREF(reader);
        return -1;
    }
    AD_XSETREF(PAIR(self)->reader, reader);
    AD_XSETREF(PAIR(self)->writer, writer);
    return 0;
}

static void rwpair_dealloc(AdObject *self)
{
    AdObject_GC_UnTrack(self);
    AD_CLEAR(PAIR(self)->reader);
    AD_CLEAR(PAIR(self)->writer);
    io_base_clear_head(self);
    AD_TYPE(self)->tp_free(self);
}

static int rwpair_traverse(AdObject *self, visitproc visit, void *arg)
{
    if (PAIR(self)->reader && visit(PAIR(self)->reader, arg))
        return 1;
    if (PAIR(self)->writer && visit(PAIR(self)->writer, arg))
        return 1;
    return io_base_traverse(self, visit, arg);
}

static int rwpair_clear(AdObject *self)
{
    AD_CLEAR(PAIR(self)->reader);
    AD_CLEAR(PAIR(self)->writer);
    io_base_clear_head(self);
    return 0;
}

static AdObject *pair_side(AdObject *self, int writer)
{
    AdObject *s = writer ? PAIR(self)->writer : PAIR(self)->reader;
    if (!s) {
        AdErr_SetString(AdExc_ValueError, "I/O operation on uninitialized object");
        return NULL;
    }
    return s;
}

static AdObject *forward(AdObject *self, int writer, const char *meth, AdObject *const *args, Ad_ssize_t nargs)
{
    AdObject *s = pair_side(self, writer);
    if (!s)
        return NULL;
    return AdObject_CallMethod(s, AdStr_InternFromString(meth), args, nargs);
}

static AdObject *rwpair_read(AdObject *self, AdObject *const *a, Ad_ssize_t n) { return forward(self, 0, "read", a, n); }
static AdObject *rwpair_peek(AdObject *self, AdObject *const *a, Ad_ssize_t n) { return forward(self, 0, "peek", a, n); }
static AdObject *rwpair_read1(AdObject *self, AdObject *const *a, Ad_ssize_t n) { return forward(self, 0, "read1", a, n); }
static AdObject *rwpair_readinto(AdObject *self, AdObject *a) { return forward(self, 0, "readinto", &a, 1); }
static AdObject *rwpair_readinto1(AdObject *self, AdObject *a) { return forward(self, 0, "readinto1", &a, 1); }
static AdObject *rwpair_write(AdObject *self, AdObject *a) { return forward(self, 1, "write", &a, 1); }
static AdObject *rwpair_flush(AdObject *self, AdObject *u) { (void)u; return forward(self, 1, "flush", NULL, 0); }
static AdObject *rwpair_readable(AdObject *self, AdObject *u) { (void)u; return forward(self, 0, "readable", NULL, 0); }
static AdObject *rwpair_writable(AdObject *self, AdObject *u) { (void)u; return forward(self, 1, "writable", NULL, 0); }

static AdObject *rwpair_close(AdObject *self, AdObject *u)
{
    (void)u;
    AdObject *r = forward(self, 1, "close", NULL, 0);
    AdObject *exc = r ? NULL : AdErr_GetRaisedException();
    Ad_XDECREF(r);
    AdObject *r2 = forward(self, 0, "close", NULL, 0);
    if (exc) {
        if (!r2) {
            AdObject *e2 = AdErr_GetRaisedException();
            AdErr_SetRaisedException(exc);
            AdErr_ChainExceptions(e2);
            return NULL;
        }
        Ad_DECREF(r2);
        AdErr_SetRaisedException(exc);
        return NULL;
    }
    return r2;
}

static AdObject *rwpair_isatty(AdObject *self, AdObject *u)
{
    (void)u;
    AdObject *r = forward(self, 1, "isatty", NULL, 0);
    if (!r || r != Ad_False)
        return r;
    Ad_DECREF(r);
    return forward(self, 0, "isatty", NULL, 0);
}

static AdObject *rwpair_closed_get(AdObject *self, void *c)
{
    (void)c;
    AdObject *w = pair_side(self, 1);
    return w ? AdObject_GetAttr(w, AdStr_InternFromString("closed")) : NULL;
}

static AdMethodDef rwpair_methods[] = {
    M("read", rwpair_read, AD_METH_FASTCALL),
    M("peek", rwpair_peek, AD_METH_FASTCALL),
    M("read1", rwpair_read1, AD_METH_FASTCALL),
    M("readinto", rwpair_readinto, AD_METH_O),
    M("readinto1", rwpair_readinto1, AD_METH_O),
    M("write", rwpair_write, AD_METH_O),
    M("flush", rwpair_flush, AD_METH_NOARGS),
    M("readable", rwpair_readable, AD_METH_NOARGS),
    M("writable", rwpair_writable, AD_METH_NOARGS),
    M("close", rwpair_close, AD_METH_NOARGS),
    M("isatty", rwpair_isatty, AD_METH_NOARGS),
    {NULL, NULL, 0, NULL},
};

static AdGetSetDef rwpair_getset[] = {
    {"closed", rwpair_closed_get, NULL, NULL, NULL},
    {NULL, NULL, NULL, NULL, NULL},
};

AdTypeObject AdBufferedRWPair_Type = {
    .ob_base = AD_STATIC_VAR_INIT(&AdType_Type, 0),
    .tp_name = "_io.BufferedRWPair",
    .tp_basicsize = sizeof(io_rwpair),
    .tp_dealloc = rwpair_dealloc,
    .tp_getattro = AdObject_GenericGetAttr,
    .tp_setattro = AdObject_GenericSetAttr,
    .tp_flags = AD_TPFLAGS_HAVE_GC | AD_TPFLAGS_BASETYPE,
    .tp_doc = "BufferedRWPair(reader, writer, buffer_size=DEFAULT_BUFFER_SIZE, /)\n--\n\nA buffered reader and writer object together.",
    .tp_traverse = rwpair_traverse,
    .tp_clear = rwpair_clear,
    .tp_methods = rwpair_methods,
    .tp_getset = rwpair_getset,
    .tp_base = &AdBufferedIOBase_Type,
    .tp_dictoffset = offsetof(io_rwpair, dict),
    .tp_weaklistoffset = offsetof(io_rwpair, weakreflist),
    .tp_init = rwpair_init,
    .tp_alloc = AdType_GenericAlloc,
    .tp_new = AdType_GenericNew,
    .tp_free = AdObject_GC_Del,
};
