/* zlib_module.c: the `zlib` module over Debian's zlib (zlib1g): adler32,
 * crc32, compress, decompress, compressobj/Compress, decompressobj/
 * Decompress (unused_data, unconsumed_tail, eof, max_length), the
 * _ZlibDecompressor that gzip uses (needs_input, max_length=-1), the
 * constants and zlib.error, with CPython's messages ("Error -3 while
 * decompressing data: incorrect header check"). The GIL is released around
 * the library calls on large inputs. */
#include "import/builtin_modules.h"
#include "objects/abstract.h"
#include "objects/args.h"
#include "objects/bytes.h"
#include "objects/dict.h"
#include "objects/list.h"
#include "objects/errors.h"
#include "objects/exceptions.h"
#include "objects/int.h"
#include "objects/module.h"
#include "objects/str.h"
#include "objects/tuple.h"
#include "objects/typeobject.h"
#include "memory/gc.h"
#include "runtime/gil.h"
#include "runtime/lifecycle.h"

#include <limits.h>
#include <stdlib.h>
#include <string.h>
#include <zlib.h>

#define DEF_BUF_SIZE (16 * 1024)
#define BIG_INPUT (64 * 1024)    /* release the GIL above this many bytes */

static AdObject *zlib_error;     /* zlib.error */

/* ---- helpers --------------------------------------------------------------------------- */

static AdObject *raise_zlib(z_stream *zs, int err, const char *what)
{
    const char *msg = zs ? zs->msg : NULL;
    if (err == Z_VERSION_ERROR)
        msg = "library version mismatch";
    if (!msg) {
        switch (err) {
        case Z_BUF_ERROR: msg = "incomplete or truncated stream"; break;
        case Z_STREAM_ERROR: msg = "inconsistent stream state"; break;
        case Z_DATA_ERROR: msg = "invalid input data"; break;
        default: msg = NULL;
        }
    }
    if (msg)
        AdErr_Format(zlib_error, "Error %d %s: %.200s", err, what, msg);
    else
        AdErr_Format(zlib_error, "Error %d %s", err, what);
    return NULL;
}

/* An int argument (index protocol) into *out; name for messages. */
static int int_arg(AdObject *o, long long *out)
{
    if (!AdInt_Check(o)) {
        AdObject *i = AdNumber_Index(o);
        if (!i)
            return -1;
        int64_t v;
        int ok = AdInt_AsInt64Exact(i, &v);
        Ad_DECREF(i);
        if (!ok) {
            AdErr_SetString(AdExc_OverflowError, "Python int too large to convert to C int");
            return -1;
        }
        *out = v;
        return 0;
    }
    int64_t v;
    if (!AdInt_AsInt64Exact(o, &v)) {
        AdErr_SetString(AdExc_OverflowError, "Python int too large to convert to C int");
        return -1;
    }
    *out = v;
    return 0;
}

static int int_arg_int(AdObject *o, int dflt, int *out)
{
    if (!o) {
        *out = dflt;
        return 0;
    }
    long long v;
    if (int_arg(o, &v) < 0)
        return -1;
    if (v > INT_MAX || v < INT_MIN) {
        AdErr_SetString(AdExc_OverflowError, v > 0 ? "signed integer is greater than maximum"
                                                   : "signed integer is less than minimum");
        return -1;
    }
    *out = (int)v;
    return 0;
}

/* A growable output buffer. */
typedef struct {
    unsigned char *p;
    size_t len, cap;
    size_t limit;       /* 0: none */
} Out;

static int out_reserve(Out *o, size_t want)
{
    if (o->cap - o->len >= want)
        return 0;
    size_t cap = o->cap ? o->cap : DEF_BUF_SIZE;
    while (cap - o->len < want)
        cap *= 2;
    unsigned char *p = realloc(o->p, cap);
    if (!p) {
        AdErr_NoMemory();
        return -1;
    }
    o->p = p;
    o->cap = cap;
    return 0;
}

/* Points the stream's output at free space (respecting o->limit). 0 when
 * the limit is reached, 1 otherwise, -1 on error. */
static int out_next(Out *o, z_stream *zs, size_t chunk)
{
    size_t room = chunk;
    if (o->limit) {
        if (o->len >= o->limit)
            return 0;
        if (room > o->limit - o->len)
            room = o->limit - o->len;
    }
    if (room > UINT_MAX)
        room = UINT_MAX;
    if (out_reserve(o, room) < 0)
        return -1;
    zs->next_out = o->p + o->len;
    zs->avail_out = (uInt)(o->cap - o->len < room ? o->cap - o->len : room);
    return 1;
}

static AdObject *out_finish(Out *o)
{
    AdObject *r = AdBytes_FromStringAndSize((const char *)o->p, (Ad_ssize_t)o->len);
    free(o->p);
    o->p = NULL;
    return r;
}

/* ---- adler32, crc32 -------------------------------------------------------------------- */

static AdObject *checksum(const char *fname, AdObject *const *args, Ad_ssize_t nargs, unsigned long start, int crc)
{
    if (AdArg_CheckPositional(fname, nargs, 1, 2) < 0)
        return NULL;
    unsigned long value = start;
    if (nargs == 2) {
        long long v;
        if (int_arg(args[1], &v) < 0)
            return NULL;
        value = (unsigned long)(uint32_t)v;
    }
    AdBuffer view;
    if (AdObject_GetBuffer(args[0], &view, AD_BUF_SIMPLE) < 0)
        return NULL;
    const unsigned char *p = view.buf;
    Ad_ssize_t n = view.len;
    int release = n > BIG_INPUT;
    AdThread *saved = release ? AdEval_SaveThread() : NULL;
    while (n > 0) {
        uInt chunk = n > (Ad_ssize_t)UINT_MAX ? UINT_MAX : (uInt)n;
        value = crc ? crc32(value, p, chunk) : adler32(value, p, chunk);
        p += chunk;
        n -= chunk;
    }
    if (release)
        AdEval_RestoreThread(saved);
    AdBuffer_Release(&view);
    return AdInt_FromUInt64(value & 0xffffffffUL);
}

static AdObject *z_adler32(AdObject *m, AdObject *const *args, Ad_ssize_t nargs)
{
    (void)m;
    return checksum("adler32", args, nargs, 1, 0);
}

static AdObject *z_crc32(AdObject *m, AdObject *const *args, Ad_ssize_t nargs)
{
    (void)m;
    return checksum("crc32", args, nargs, 0, 1);
}

/* ---- one-shot compress / decompress ---------------------------------------------------- */

static AdObject *z_compress(AdObject *m, AdObject *const *args, Ad_ssize_t nargs, AdObject *kwnames)
{
    (void)m;
    static const char *const names[] = {"", "level", "wbits", NULL};
    AdObject *a[3];
    int level, wbits;
    if (AdArg_Parse("compress", args, nargs, kwnames, names, 1, 1, a) < 0 ||
        int_arg_int(a[1], Z_DEFAULT_COMPRESSION, &level) < 0 || int_arg_int(a[2], MAX_WBITS, &wbits) < 0)
        return NULL;
    AdBuffer view;
    if (AdObject_GetBuffer(a[0], &view, AD_BUF_SIMPLE) < 0)
        return NULL;
    z_stream zs;
    memset(&zs, 0, sizeof zs);
    int err = deflateInit2(&zs, level, Z_DEFLATED, wbits, 8, Z_DEFAULT_STRATEGY);
    if (err != Z_OK) {
        AdBuffer_Release(&view);
        if (err == Z_MEM_ERROR)
            return AdErr_NoMemory();
        if (err == Z_STREAM_ERROR)
            return AdErr_Format(zlib_error, "Bad compression level");
        return raise_zlib(&zs, err, "while compressing data");
    }
    Out o = {0};
    const unsigned char *in = view.buf;
    size_t left = (size_t)view.len;
    AdThread *saved = left > BIG_INPUT ? AdEval_SaveThread() : NULL;
    int flush;
    do {
        zs.next_in = (Bytef *)in;
        zs.avail_in = left > UINT_MAX ? UINT_MAX : (uInt)left;
        in += zs.avail_in;
        left -= zs.avail_in;
        flush = left ? Z_NO_FLUSH : Z_FINISH;
        do {
            if (o.cap - o.len < DEF_BUF_SIZE && out_reserve(&o, DEF_BUF_SIZE) < 0) {
                err = Z_MEM_ERROR;
                break;
            }
            zs.next_out = o.p + o.len;
            zs.avail_out = (uInt)(o.cap - o.len > UINT_MAX ? UINT_MAX : o.cap - o.len);
            size_t before = zs.avail_out;
            err = deflate(&zs, flush);
            o.len += before - zs.avail_out;
        } while (zs.avail_out == 0 && err != Z_STREAM_ERROR);
    } while (flush != Z_FINISH && err != Z_STREAM_ERROR && err != Z_MEM_ERROR);
    if (saved)
        AdEval_RestoreThread(saved);
    AdBuffer_Release(&view);
    if (err != Z_STREAM_END) {
        free(o.p);
        deflateEnd(&zs);
        if (err == Z_MEM_ERROR)
            return AdErr_NoMemory();
        return raise_zlib(&zs, err, "while compressing data");
    }
    deflateEnd(&zs);
    return out_finish(&o);
}

static AdObject *z_decompress(AdObject *m, AdObject *const *args, Ad_ssize_t nargs, AdObject *kwnames)
{
    (void)m;
    static const char *const names[] = {"", "wbits", "bufsize", NULL};
    AdObject *a[3];
    int wbits;
    long long bufsize = DEF_BUF_SIZE;
    if (AdArg_Parse("decompress", args, nargs, kwnames, names, 1, 1, a) < 0 ||
        int_arg_int(a[1], MAX_WBITS, &wbits) < 0 || (a[2] && int_arg(a[2], &bufsize) < 0))
        return NULL;
    if (bufsize < 0) {
        AdErr_SetString(AdExc_ValueError, "bufsize must be non-negative");
        return NULL;
    }
    if (bufsize == 0)
        bufsize = 1;
    AdBuffer view;
    if (AdObject_GetBuffer(a[0], &view, AD_BUF_SIMPLE) < 0)
        return NULL;
    z_stream zs;
    memset(&zs, 0, sizeof zs);
    int err = inflateInit2(&zs, wbits);
    if (err != Z_OK) {
        AdBuffer_Release(&view);
        if (err == Z_MEM_ERROR)
            return AdErr_NoMemory();
        return raise_zlib(&zs, err, "while preparing to decompress data");
    }
    Out o = {0};
    if (out_reserve(&o, (size_t)bufsize) < 0) {
        inflateEnd(&zs);
        AdBuffer_Release(&view);
        return NULL;
    }
    const unsigned char *in = view.buf;
    size_t left = (size_t)view.len;
    AdThread *saved = left > BIG_INPUT ? AdEval_SaveThread() : NULL;
    do {
        zs.next_in = (Bytef *)in;
        zs.avail_in = left > UINT_MAX ? UINT_MAX : (uInt)left;
        in += zs.avail_in;
        left -= zs.avail_in;
        do {
            if (o.cap == o.len && out_reserve(&o, o.cap) < 0) {
                err = Z_MEM_ERROR;
                break;
            }
            zs.next_out = o.p + o.len;
            zs.avail_out = (uInt)(o.cap - o.len > UINT_MAX ? UINT_MAX : o.cap - o.len);
            size_t before = zs.avail_out;
            err = inflate(&zs, Z_NO_FLUSH);
            o.len += before - zs.avail_out;
        } while (err == Z_OK && zs.avail_out == 0);
    } while (err != Z_STREAM_END && err != Z_MEM_ERROR && left > 0 &&
             (err == Z_OK || err == Z_BUF_ERROR));
    if (saved)
        AdEval_RestoreThread(saved);
    AdBuffer_Release(&view);
    if (err != Z_STREAM_END) {
        free(o.p);
        inflateEnd(&zs);
        if (err == Z_MEM_ERROR)
            return AdErr_NoMemory();
        if (err == Z_OK || err == Z_BUF_ERROR)
            err = Z_BUF_ERROR;
        return raise_zlib(&zs, err, "while decompressing data");
    }
    inflateEnd(&zs);
    return out_finish(&o);
}

/* ---- streaming objects ----------------------------------------------------------------- */

typedef struct {
    AdObject_HEAD;
    z_stream zs;
    int inited;
    int eof;
    int needs_input;               /* _ZlibDecompressor */
    AdObject *unused_data;         /* bytes */
    AdObject *unconsumed_tail;     /* bytes */
    AdObject *zdict;               /* or NULL */
    unsigned char *pending;        /* _ZlibDecompressor: input kept between calls */
    size_t npending;
} ZObject;

static AdTypeObject Compress_Type, Decompress_Type, ZlibDecompressor_Type;

static AdObject *zobject_new(AdTypeObject *type)
{
    ZObject *z = (ZObject *)AdType_GenericAlloc(type, 0);
    if (!z)
        return NULL;
    z->unused_data = AdBytes_FromStringAndSize("", 0);
    z->unconsumed_tail = AdBytes_FromStringAndSize("", 0);
    z->needs_input = 1;
    if (!z->unused_data || !z->unconsumed_tail) {
        Ad_DECREF((AdObject *)z);
        return NULL;
    }
    return (AdObject *)z;
}

static void zobject_dealloc(AdObject *self)
{
    ZObject *z = (ZObject *)self;
    if (z->inited) {
        if (AD_TYPE(self) == &Compress_Type)
            deflateEnd(&z->zs);
        else
            inflateEnd(&z->zs);
    }
    Ad_XDECREF(z->unused_data);
    Ad_XDECREF(z->unconsumed_tail);
    Ad_XDECREF(z->zdict);
    free(z->pending);
    AD_TYPE(self)->tp_free(self);
}

static int set_zdict(ZObject *z, int compress)
{
    AdBuffer view;
    if (AdObject_GetBuffer(z->zdict, &view, AD_BUF_SIMPLE) < 0)
        return -1;
    if ((size_t)view.len > UINT_MAX) {
        AdBuffer_Release(&view);
        AdErr_SetString(AdExc_OverflowError, "zdict length does not fit in an unsigned int");
        return -1;
    }
    int err = compress ? deflateSetDictionary(&z->zs, view.buf, (uInt)view.len)
                       : inflateSetDictionary(&z->zs, view.buf, (uInt)view.len);
    AdBuffer_Release(&view);
    if (err != Z_OK) {
        if (compress)
            AdErr_SetString(AdExc_ValueError, "Invalid dictionary");
        else
            raise_zlib(&z->zs, err, "while setting zdict");
        return -1;
    }
    return 0;
}

static AdObject *z_compressobj(AdObject *m, AdObject *const *args, Ad_ssize_t nargs, AdObject *kwnames)
{
    (void)m;
    static const char *const names[] = {"level", "method", "wbits", "memLevel", "strategy", "zdict", NULL};
    AdObject *a[6];
    int level, method, wbits, memlevel, strategy;
    if (AdArg_Parse("compressobj", args, nargs, kwnames, names, 0, 0, a) < 0 ||
        int_arg_int(a[0], Z_DEFAULT_COMPRESSION, &level) < 0 || int_arg_int(a[1], Z_DEFLATED, &method) < 0 ||
        int_arg_int(a[2], MAX_WBITS, &wbits) < 0 || int_arg_int(a[3], 8, &memlevel) < 0 ||
        int_arg_int(a[4], Z_DEFAULT_STRATEGY, &strategy) < 0)
        return NULL;
    if (a[5] && a[5] != Ad_None) {
        AdBuffer probe;
        if (AdObject_GetBuffer(a[5], &probe, AD_BUF_SIMPLE) < 0) {
            AdErr_Clear();
            AdErr_SetString(AdExc_TypeError, "zdict argument must support the buffer protocol");
            return NULL;
        }
        AdBuffer_Release(&probe);
    }
    ZObject *z = (ZObject *)zobject_new(&Compress_Type);
    if (!z)
        return NULL;
    int err = deflateInit2(&z->zs, level, method, wbits, memlevel, strategy);
    if (err != Z_OK) {
        Ad_DECREF((AdObject *)z);
        if (err == Z_MEM_ERROR)
            return AdErr_NoMemory();
        if (err == Z_STREAM_ERROR) {
            AdErr_SetString(AdExc_ValueError, "Invalid initialization option");
            return NULL;
        }
        return raise_zlib(NULL, err, "while creating compression object");
    }
    z->inited = 1;
    if (a[5] && a[5] != Ad_None) {
        z->zdict = Ad_NewRef(a[5]);
        if (set_zdict(z, 1) < 0) {
            Ad_DECREF((AdObject *)z);
            return NULL;
        }
    }
    return (AdObject *)z;
}

static AdObject *make_decompressor(AdTypeObject *type, const char *fname, AdObject *const *args,
                                   Ad_ssize_t nargs, AdObject *kwnames)
{
    static const char *const names[] = {"wbits", "zdict", NULL};
    AdObject *a[2];
    int wbits;
    if (AdArg_Parse(fname, args, nargs, kwnames, names, 0, 0, a) < 0 || int_arg_int(a[0], MAX_WBITS, &wbits) < 0)
        return NULL;
    if (a[1]) {
        AdBuffer probe;
        if (AdObject_GetBuffer(a[1], &probe, AD_BUF_SIMPLE) < 0) {
            AdErr_Clear();
            AdErr_SetString(AdExc_TypeError, "zdict argument must support the buffer protocol");
            return NULL;
        }
        AdBuffer_Release(&probe);
    }
    ZObject *z = (ZObject *)zobject_new(type);
    if (!z)
        return NULL;
    int err = inflateInit2(&z->zs, wbits);
    if (err != Z_OK) {
        Ad_DECREF((AdObject *)z);
        if (err == Z_MEM_ERROR)
            return AdErr_NoMemory();
        if (err == Z_STREAM_ERROR) {
            AdErr_SetString(AdExc_ValueError, "Invalid initialization option");
            return NULL;
        }
        return raise_zlib(NULL, err, "while creating decompression object");
    }
    z->inited = 1;
    if (a[1]) {
        z->zdict = Ad_NewRef(a[1]);
        if (wbits < 0 && set_zdict(z, 0) < 0) {      /* raw streams take it up front */
            Ad_DECREF((AdObject *)z);
            return NULL;
        }
    }
    return (AdObject *)z;
}

static AdObject *z_decompressobj(AdObject *m, AdObject *const *args, Ad_ssize_t nargs, AdObject *kwnames)
{
    (void)m;
    return make_decompressor(&Decompress_Type, "decompressobj", args, nargs, kwnames);
}

static AdObject *zd_new(AdTypeObject *type, AdObject *args, AdObject *kwargs)
{
    (void)type;
    Ad_ssize_t n = AdTuple_GET_SIZE(args);
    AdObject *vec[4];
    if (n > 2) {
        AdErr_Format(AdExc_TypeError, "_ZlibDecompressor() takes at most 2 arguments (%zd given)", n);
        return NULL;
    }
    for (Ad_ssize_t i = 0; i < n; i++)
        vec[i] = AdTuple_GET_ITEM(args, i);
    AdObject *kwnames = NULL;
    Ad_ssize_t nk = 0;
    if (kwargs && AdDict_GET_SIZE(kwargs) > 0) {
        AdObject *keys = AdDict_Keys(kwargs);
        kwnames = keys ? AdList_AsTuple(keys) : NULL;
        Ad_XDECREF(keys);
        if (!kwnames)
            return NULL;
        nk = AdTuple_GET_SIZE(kwnames);
        if (n + nk > 2) {
            Ad_DECREF(kwnames);
            AdErr_SetString(AdExc_TypeError, "_ZlibDecompressor() takes at most 2 arguments");
            return NULL;
        }
        for (Ad_ssize_t i = 0; i < nk; i++)
            vec[n + i] = AdDict_GetItemWithError(kwargs, AdTuple_GET_ITEM(kwnames, i));
    }
    AdObject *r = make_decompressor(&ZlibDecompressor_Type, "_ZlibDecompressor", vec, n, kwnames);
    Ad_XDECREF(kwnames);
    return r;
}

/* Compress.compress(data) */
static AdObject *comp_compress(AdObject *self, AdObject *data)
{
    ZObject *z = (ZObject *)self;
    if (!z->inited) {
        AdErr_SetString(zlib_error, "Error -2 while compressing data: inconsistent stream state");
        return NULL;
    }
    AdBuffer view;
    if (AdObject_GetBuffer(data, &view, AD_BUF_SIMPLE) < 0)
        return NULL;
    Out o = {0};
    const unsigned char *in = view.buf;
    size_t left = (size_t)view.len;
    int err = Z_OK;
    do {
        z->zs.next_in = (Bytef *)in;
        z->zs.avail_in = left > UINT_MAX ? UINT_MAX : (uInt)left;
        in += z->zs.avail_in;
        left -= z->zs.avail_in;
        do {
            if (out_reserve(&o, DEF_BUF_SIZE) < 0) {
                AdBuffer_Release(&view);
                free(o.p);
                return NULL;
            }
            z->zs.next_out = o.p + o.len;
            z->zs.avail_out = (uInt)(o.cap - o.len);
            size_t before = z->zs.avail_out;
            err = deflate(&z->zs, Z_NO_FLUSH);
            o.len += before - z->zs.avail_out;
        } while (z->zs.avail_out == 0 && err == Z_OK);
    } while (left > 0 && err == Z_OK);
    AdBuffer_Release(&view);
    if (err != Z_OK && err != Z_BUF_ERROR) {
        free(o.p);
        return raise_zlib(&z->zs, err, "while compressing data");
    }
    return out_finish(&o);
}

static AdObject *comp_flush(AdObject *self, AdObject *const *args, Ad_ssize_t nargs)
{
    ZObject *z = (ZObject *)self;
    if (AdArg_CheckPositional("flush", nargs, 0, 1) < 0)
        return NULL;
    int mode = Z_FINISH;
    if (nargs && int_arg_int(args[0], Z_FINISH, &mode) < 0)
        return NULL;
    if (mode == Z_NO_FLUSH)
        return AdBytes_FromStringAndSize("", 0);
    if (!z->inited) {
        AdErr_SetString(zlib_error, "Error -2 while flushing: inconsistent stream state");
        return NULL;
    }
    Out o = {0};
    int err;
    z->zs.avail_in = 0;
    do {
        if (out_reserve(&o, DEF_BUF_SIZE) < 0) {
            free(o.p);
            return NULL;
        }
        z->zs.next_out = o.p + o.len;
        z->zs.avail_out = (uInt)(o.cap - o.len);
        size_t before = z->zs.avail_out;
        err = deflate(&z->zs, mode);
        o.len += before - z->zs.avail_out;
    } while (z->zs.avail_out == 0 && err != Z_STREAM_ERROR);
    if (err == Z_STREAM_END && mode == Z_FINISH) {
        deflateEnd(&z->zs);
        z->inited = 0;
    } else if (err != Z_OK && err != Z_BUF_ERROR && err != Z_STREAM_END) {
        free(o.p);
        return raise_zlib(&z->zs, err, "while flushing");
    }
    return out_finish(&o);
}

static AdObject *zobject_copy(AdObject *self, AdObject *unused)
{
    (void)unused;
    ZObject *z = (ZObject *)self;
    int compress = AD_TYPE(self) == &Compress_Type;
    if (!z->inited) {
        AdErr_SetString(AdExc_ValueError, compress ? "Inconsistent stream state" : "Inconsistent stream state");
        return NULL;
    }
    ZObject *c = (ZObject *)zobject_new(AD_TYPE(self));
    if (!c)
        return NULL;
    int err = compress ? deflateCopy(&c->zs, &z->zs) : inflateCopy(&c->zs, &z->zs);
    if (err != Z_OK) {
        Ad_DECREF((AdObject *)c);
        if (err == Z_MEM_ERROR)
            return AdErr_NoMemory();
        AdErr_SetString(AdExc_ValueError, "Inconsistent stream state");
        return NULL;
    }
    c->inited = 1;
    c->eof = z->eof;
    AD_SETREF(c->unused_data, Ad_NewRef(z->unused_data));
    AD_SETREF(c->unconsumed_tail, Ad_NewRef(z->unconsumed_tail));
    c->zdict = Ad_XNewRef(z->zdict);
    return (AdObject *)c;
}

static AdObject *zobject_deepcopy(AdObject *self, AdObject *memo)
{
    (void)memo;
    return zobject_copy(self, NULL);
}

/* Runs inflate over in[0..len) into o; sets z->eof and what is left of the
 * input in rest and nrest. Returns the zlib status. */
static int inflate_into(ZObject *z, const unsigned char *in, size_t len, Out *o,
                        const unsigned char **rest, size_t *nrest)
{
    int err = Z_OK;
    z->zs.next_in = (Bytef *)in;
    z->zs.avail_in = len > UINT_MAX ? UINT_MAX : (uInt)len;
    size_t beyond = len - z->zs.avail_in;
    for (;;) {
        int r = out_next(o, &z->zs, o->cap ? (o->cap - o->len ? o->cap - o->len : o->cap) : DEF_BUF_SIZE);
        if (r < 0)
            return Z_MEM_ERROR;
        if (r == 0)
            break;
        size_t before = z->zs.avail_out;
        err = inflate(&z->zs, Z_SYNC_FLUSH);
        o->len += before - z->zs.avail_out;
        if (err == Z_NEED_DICT && z->zdict) {
            if (set_zdict(z, 0) < 0)
                return Z_ERRNO;
            err = Z_OK;
            continue;
        }
        if (err == Z_STREAM_END) {
            z->eof = 1;
            break;
        }
        if (err != Z_OK && err != Z_BUF_ERROR)
            break;
        if (z->zs.avail_in == 0 && beyond > 0) {
            z->zs.avail_in = beyond > UINT_MAX ? UINT_MAX : (uInt)beyond;
            beyond -= z->zs.avail_in;
            continue;
        }
        if (z->zs.avail_out != 0)    /* all input consumed */
            break;
    }
    *rest = z->zs.next_in;
    *nrest = z->zs.avail_in + beyond;
    return err;
}

static AdObject *append_bytes(AdObject *a, const unsigned char *p, size_t n)
{
    Ad_ssize_t la = AD_SIZE(a);
    AdObject *r = AdBytes_FromStringAndSize(NULL, la + (Ad_ssize_t)n);
    if (r) {
        memcpy(AdBytes_AS_STRING(r), AdBytes_AS_STRING(a), (size_t)la);
        memcpy(AdBytes_AS_STRING(r) + la, p, n);
    }
    return r;
}

/* What a Decompress object keeps of input inflate did not use: after the
 * end of the stream it is unused_data (added to what is there), before it
 * the unconsumed_tail; flush() (tail_at_eof) leaves it in unconsumed_tail
 * too, as CPython's does. 0 or -1. */
static int keep_rest(ZObject *z, const unsigned char *rest, size_t nrest, int tail_at_eof)
{
    AdObject *tail;
    if (z->eof && !tail_at_eof) {
        AdObject *u = append_bytes(z->unused_data, rest, nrest);
        if (!u)
            return -1;
        AD_SETREF(z->unused_data, u);
        tail = AdBytes_FromStringAndSize("", 0);
    } else {
        if (z->eof) {
            AdObject *u = append_bytes(z->unused_data, rest, nrest);
            if (!u)
                return -1;
            AD_SETREF(z->unused_data, u);
        }
        tail = AdBytes_FromStringAndSize((const char *)rest, (Ad_ssize_t)nrest);
    }
    if (!tail)
        return -1;
    AD_SETREF(z->unconsumed_tail, tail);
    return 0;
}

/* Decompress.decompress(data, /, max_length=0) */
static AdObject *decomp_decompress(AdObject *self, AdObject *const *args, Ad_ssize_t nargs, AdObject *kwnames)
{
    ZObject *z = (ZObject *)self;
    static const char *const names[] = {"", "max_length", NULL};
    AdObject *a[2];
    long long max_length = 0;
    if (AdArg_Parse("decompress", args, nargs, kwnames, names, 1, 1, a) < 0 || (a[1] && int_arg(a[1], &max_length) < 0))
        return NULL;
    if (max_length < 0) {
        AdErr_SetString(AdExc_ValueError, "max_length must be non-negative");
        return NULL;
    }
    if (!z->inited) {
        AdErr_SetString(zlib_error, "Error -2 while decompressing data: inconsistent stream state");
        return NULL;
    }
    AdBuffer view;
    if (AdObject_GetBuffer(a[0], &view, AD_BUF_SIMPLE) < 0)
        return NULL;
    Out o = {0};
    o.limit = (size_t)max_length;
    const unsigned char *rest;
    size_t nrest;
    int err = inflate_into(z, view.buf, (size_t)view.len, &o, &rest, &nrest);
    int ok = err == Z_OK || err == Z_BUF_ERROR || err == Z_STREAM_END;
    if (ok && keep_rest(z, rest, nrest, 0) < 0)
        ok = 0;
    AdBuffer_Release(&view);
    if (!ok) {
        free(o.p);
        if (err == Z_MEM_ERROR)
            return AdErr_NoMemory();
        if (AdErr_Occurred())
            return NULL;
        return raise_zlib(&z->zs, err, "while decompressing data");
    }
    return out_finish(&o);
}

static AdObject *decomp_flush(AdObject *self, AdObject *const *args, Ad_ssize_t nargs)
{
    ZObject *z = (ZObject *)self;
    if (AdArg_CheckPositional("flush", nargs, 0, 1) < 0)
        return NULL;
    long long length = DEF_BUF_SIZE;
    if (nargs && int_arg(args[0], &length) < 0)
        return NULL;
    if (length <= 0) {
        AdErr_SetString(AdExc_ValueError, "length must be greater than zero");
        return NULL;
    }
    if (!z->inited)
        return AdBytes_FromStringAndSize("", 0);
    AdObject *tail = Ad_NewRef(z->unconsumed_tail);
    Out o = {0};
    const unsigned char *rest;
    size_t nrest;
    int err = inflate_into(z, (const unsigned char *)AdBytes_AS_STRING(tail), (size_t)AD_SIZE(tail), &o, &rest, &nrest);
    if (err == Z_OK || err == Z_BUF_ERROR || err == Z_STREAM_END) {
        if (keep_rest(z, rest, nrest, 1) < 0) {
            Ad_DECREF(tail);
            free(o.p);
            return NULL;
        }
        if (err == Z_STREAM_END) {
            inflateEnd(&z->zs);
            z->inited = 0;
        }
        Ad_DECREF(tail);
        return out_finish(&o);
    }
    Ad_DECREF(tail);
    free(o.p);
    if (err == Z_MEM_ERROR)
        return AdErr_NoMemory();
    return raise_zlib(&z->zs, err, "while flushing");
}

/* _ZlibDecompressor.decompress(data, max_length=-1): input not consumed
 * because of max_length is kept and used by the next call. */
static AdObject *zd_decompress(AdObject *self, AdObject *const *args, Ad_ssize_t nargs, AdObject *kwnames)
{
    ZObject *z = (ZObject *)self;
    static const char *const names[] = {"data", "max_length", NULL};
    AdObject *a[2];
    long long max_length = -1;
    if (AdArg_Parse("decompress", args, nargs, kwnames, names, 0, 1, a) < 0 || (a[1] && int_arg(a[1], &max_length) < 0))
        return NULL;
    if (z->eof) {
        AdErr_SetString(AdExc_EOFError, "End of stream already reached");
        return NULL;
    }
    AdBuffer view;
    if (AdObject_GetBuffer(a[0], &view, AD_BUF_SIMPLE) < 0)
        return NULL;
    /* the input: what was kept, then data */
    size_t total = z->npending + (size_t)view.len;
    unsigned char *buf = malloc(total ? total : 1);
    if (!buf) {
        AdBuffer_Release(&view);
        return AdErr_NoMemory();
    }
    if (z->npending)
        memcpy(buf, z->pending, z->npending);
    memcpy(buf + z->npending, view.buf, (size_t)view.len);
    AdBuffer_Release(&view);
    Out o = {0};
    if (max_length == 0) {
        free(z->pending);
        z->pending = buf;
        z->npending = total;
        z->needs_input = 0;
        return AdBytes_FromStringAndSize("", 0);
    }
    o.limit = max_length < 0 ? 0 : (size_t)max_length;
    const unsigned char *rest;
    size_t nrest;
    int err = inflate_into(z, buf, total, &o, &rest, &nrest);
    if (!(err == Z_OK || err == Z_BUF_ERROR || err == Z_STREAM_END)) {
        free(buf);
        free(o.p);
        if (err == Z_MEM_ERROR)
            return AdErr_NoMemory();
        if (AdErr_Occurred())
            return NULL;
        return raise_zlib(&z->zs, err, "while decompressing data");
    }
    if (z->eof) {
        AdObject *u = append_bytes(z->unused_data, rest, nrest);
        if (u)
            AD_SETREF(z->unused_data, u);
        free(z->pending);
        z->pending = NULL;
        z->npending = 0;
        z->needs_input = 0;
    } else {
        unsigned char *keep = nrest ? malloc(nrest) : NULL;
        if (nrest && keep)
            memcpy(keep, rest, nrest);
        free(z->pending);
        z->pending = keep;
        z->npending = keep ? nrest : 0;
        /* More input is needed unless output stopped at max_length. */
        z->needs_input = !(o.limit && o.len == o.limit);
    }
    free(buf);
    return out_finish(&o);
}

static AdMethodDef comp_methods[] = {
    {"compress", (void (*)(void))comp_compress, AD_METH_O, "Returns a bytes object containing compressed data."},
    {"flush", (void (*)(void))comp_flush, AD_METH_FASTCALL, "Return a bytes object containing any remaining compressed data."},
    {"copy", (void (*)(void))zobject_copy, AD_METH_NOARGS, "Return a copy of the compression object."},
    {"__copy__", (void (*)(void))zobject_copy, AD_METH_NOARGS, NULL},
    {"__deepcopy__", (void (*)(void))zobject_deepcopy, AD_METH_O, NULL},
    {NULL, NULL, 0, NULL},
};

static AdMethodDef decomp_methods[] = {
    {"decompress", (void (*)(void))decomp_decompress, AD_METH_FASTCALL | AD_METH_KEYWORDS,
     "Return a bytes object containing the decompressed version of the data."},
    {"flush", (void (*)(void))decomp_flush, AD_METH_FASTCALL, "Return a bytes object containing any remaining decompressed data."},
    {"copy", (void (*)(void))zobject_copy, AD_METH_NOARGS, "Return a copy of the decompression object."},
    {"__copy__", (void (*)(void))zobject_copy, AD_METH_NOARGS, NULL},
    {"__deepcopy__", (void (*)(void))zobject_deepcopy, AD_METH_O, NULL},
    {NULL, NULL, 0, NULL},
};

static AdMethodDef zd_methods[] = {
    {"decompress", (void (*)(void))zd_decompress, AD_METH_FASTCALL | AD_METH_KEYWORDS,
     "Decompress *data*, returning uncompressed data as bytes."},
    {NULL, NULL, 0, NULL},
};

static AdMemberDef decomp_members[] = {
    {"unused_data", AD_T_OBJECT, offsetof(ZObject, unused_data), AD_READONLY, NULL},
    {"unconsumed_tail", AD_T_OBJECT, offsetof(ZObject, unconsumed_tail), AD_READONLY, NULL},
    {"eof", AD_T_BOOL, offsetof(ZObject, eof), AD_READONLY, NULL},
    {NULL, 0, 0, 0, NULL},
};

static AdMemberDef zd_members[] = {
    {"unused_data", AD_T_OBJECT, offsetof(ZObject, unused_data), AD_READONLY, NULL},
    {"eof", AD_T_BOOL, offsetof(ZObject, eof), AD_READONLY, "True if the end-of-stream marker has been reached."},
    {"needs_input", AD_T_BOOL, offsetof(ZObject, needs_input), AD_READONLY, NULL},
    {NULL, 0, 0, 0, NULL},
};

static AdTypeObject Compress_Type = {
    .ob_base = AD_STATIC_VAR_INIT(&AdType_Type, 0),
    .tp_name = "zlib.Compress",
    .tp_basicsize = sizeof(ZObject),
    .tp_dealloc = zobject_dealloc,
    .tp_methods = comp_methods,
    .tp_alloc = AdType_GenericAlloc,
    .tp_free = AdObject_Free,
};

static AdTypeObject Decompress_Type = {
    .ob_base = AD_STATIC_VAR_INIT(&AdType_Type, 0),
    .tp_name = "zlib.Decompress",
    .tp_basicsize = sizeof(ZObject),
    .tp_dealloc = zobject_dealloc,
    .tp_methods = decomp_methods,
    .tp_members = decomp_members,
    .tp_alloc = AdType_GenericAlloc,
    .tp_free = AdObject_Free,
};

static AdTypeObject ZlibDecompressor_Type = {
    .ob_base = AD_STATIC_VAR_INIT(&AdType_Type, 0),
    .tp_name = "zlib._ZlibDecompressor",
    .tp_basicsize = sizeof(ZObject),
    .tp_dealloc = zobject_dealloc,
    .tp_methods = zd_methods,
    .tp_members = zd_members,
    .tp_doc = "Create a decompressor object for decompressing data incrementally.",
    .tp_new = zd_new,
    .tp_alloc = AdType_GenericAlloc,
    .tp_free = AdObject_Free,
};

static AdMethodDef zlib_methods[] = {
    {"adler32", (void (*)(void))z_adler32, AD_METH_FASTCALL, "Compute an Adler-32 checksum of data."},
    {"crc32", (void (*)(void))z_crc32, AD_METH_FASTCALL, "Compute a CRC-32 checksum of data."},
    {"compress", (void (*)(void))z_compress, AD_METH_FASTCALL | AD_METH_KEYWORDS, "Returns a bytes object containing compressed data."},
    {"decompress", (void (*)(void))z_decompress, AD_METH_FASTCALL | AD_METH_KEYWORDS, "Returns a bytes object containing the uncompressed data."},
    {"compressobj", (void (*)(void))z_compressobj, AD_METH_FASTCALL | AD_METH_KEYWORDS, "Return a compressor object."},
    {"decompressobj", (void (*)(void))z_decompressobj, AD_METH_FASTCALL | AD_METH_KEYWORDS, "Return a decompressor object."},
    {NULL, NULL, 0, NULL},
};

/* zlib.error is kept for the C code: given back at finalization (before
 * the last collection, which frees the class). */
static int zlib_fini(AdInterp *interp)
{
    (void)interp;
    AD_CLEAR(zlib_error);
    return 0;
}

AdObject *AdModule_InitZlib(void)
{
    if (AdType_Ready(&Compress_Type) < 0 || AdType_Ready(&Decompress_Type) < 0 ||
        AdType_Ready(&ZlibDecompressor_Type) < 0)
        return NULL;
    AdObject *m = AdModule_New("zlib");
    if (!m)
        return NULL;
    if (!zlib_error) {
        if (Ad_RegisterFiniHook(AD_FINI_THREADS, zlib_fini) < 0) {
            Ad_DECREF(m);
            return AdErr_Format(AdExc_RuntimeError, "no room for a finalization hook");
        }
        zlib_error = AdErr_NewException("zlib.error", NULL, NULL);
        if (!zlib_error) {
            Ad_DECREF(m);
            return NULL;
        }
    }
    static const struct { const char *name; int value; } consts[] = {
        {"MAX_WBITS", MAX_WBITS}, {"DEFLATED", Z_DEFLATED}, {"DEF_MEM_LEVEL", 8}, {"DEF_BUF_SIZE", DEF_BUF_SIZE},
        {"Z_NO_COMPRESSION", Z_NO_COMPRESSION}, {"Z_BEST_SPEED", Z_BEST_SPEED},
        {"Z_BEST_COMPRESSION", Z_BEST_COMPRESSION}, {"Z_DEFAULT_COMPRESSION", Z_DEFAULT_COMPRESSION},
        {"Z_FILTERED", Z_FILTERED}, {"Z_HUFFMAN_ONLY", Z_HUFFMAN_ONLY}, {"Z_RLE", Z_RLE}, {"Z_FIXED", Z_FIXED},
        {"Z_DEFAULT_STRATEGY", Z_DEFAULT_STRATEGY}, {"Z_NO_FLUSH", Z_NO_FLUSH}, {"Z_PARTIAL_FLUSH", Z_PARTIAL_FLUSH},
        {"Z_SYNC_FLUSH", Z_SYNC_FLUSH}, {"Z_FULL_FLUSH", Z_FULL_FLUSH}, {"Z_FINISH", Z_FINISH},
        {"Z_BLOCK", Z_BLOCK}, {"Z_TREES", Z_TREES},
    };
    for (size_t i = 0; i < sizeof consts / sizeof *consts; i++)
        if (AdModule_AddIntConstant(m, consts[i].name, consts[i].value) < 0)
            goto fail;
    if (AdModule_AddStringConstant(m, "ZLIB_VERSION", ZLIB_VERSION) < 0 ||
        AdModule_AddStringConstant(m, "ZLIB_RUNTIME_VERSION", zlibVersion()) < 0 ||
        AdModule_AddObjectRef(m, "error", zlib_error) < 0 ||
        AdModule_AddObjectRef(m, "_ZlibDecompressor", (AdObject *)&ZlibDecompressor_Type) < 0 ||
        AdModule_AddFunctions(m, zlib_methods) < 0)
        goto fail;
    return m;
fail:
    Ad_DECREF(m);
    return NULL;
}
