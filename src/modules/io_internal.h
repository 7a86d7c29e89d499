/* io_internal.h: what the files of the native _io module share (modules
 * room, private): the instance layouts of every class, the types, and
 * the helpers for closed checks, UnsupportedOperation, argument parsing
 * of constructors and the fast paths between layers (a TextIOWrapper over
 * a native Buffered* over a native FileIO talks C to C; any other object
 * in a layer is reached through its Python methods).
 *
 * Files: io_base.c (_IOBase, _RawIOBase, _BufferedIOBase, _TextIOBase,
 * UnsupportedOperation), io_fileio.c, io_bytesio.c, io_stringio.c,
 * io_buffered.c (BufferedReader/Writer/Random/RWPair), io_textio.c
 * (TextIOWrapper), io_newline.c (IncrementalNewlineDecoder), io_module.c
 * (open, open_code, text_encoding, the module, the standard streams and
 * the public helpers of io.h). */
#ifndef ADDER_MODULES_IO_INTERNAL_H
#define ADDER_MODULES_IO_INTERNAL_H
#include <stdint.h>
#include "modules/io.h"
#include "objects/object.h"

#define IO_DEFAULT_BUFFER_SIZE (128 * 1024)
#define AD_SSIZE_MAX_IO ((Ad_ssize_t)(SIZE_MAX >> 1))

/* Every _io instance starts with this: the instance dict (io.py's
 * subclasses and FileIO's name live there), the weak reference list and
 * _IOBase's own closed flag (what _IOBase.close() sets). */
#define IO_HEAD \
    AdObject_HEAD; \
    AdObject *dict; \
    AdObject *weakreflist; \
    unsigned char iob_closed; \
    unsigned char finalizing

typedef struct {
    IO_HEAD;
} io_base;

typedef struct {
    IO_HEAD;
    int fd;                     /* -1: closed */
    unsigned char created, readable, writable, appending, closefd;
    signed char seekable;       /* -1: not asked yet */
    Ad_ssize_t blksize;
} io_fileio;

typedef struct {
    IO_HEAD;
    char *buf;
    Ad_ssize_t size, pos, alloc;
    Ad_ssize_t exports;
    unsigned char closed;
} io_bytesio;

typedef struct {
    IO_HEAD;
    uint32_t *buf;
    Ad_ssize_t size, pos, alloc;
    unsigned char closed, ok;
    unsigned char readuniversal, readtranslate;
    uint32_t readnl[2];         /* fixed newline when not universal */
    int readnl_len;
    const char *writenl;        /* NULL: none; "\r" or "\r\n" */
    int seennl;                 /* 1 CR, 2 LF, 4 CRLF (newline=None only) */
    unsigned char pendingcr;
    AdObject *newline_arg;      /* None or str */
} io_stringio;

typedef struct {
    IO_HEAD;
    AdObject *raw;
    unsigned char kind;         /* IO_BR_READER / WRITER / RANDOM */
    unsigned char ok, detached, raw_native;     /* raw_native: exact FileIO */
    unsigned char readable, writable;
    Ad_ssize_t buffer_size;
    char *rbuf;                 /* read-ahead: rbuf[rpos..rlen) */
    Ad_ssize_t rpos, rlen;
    char *wbuf;                 /* pending writes: wbuf[0..wlen) */
    Ad_ssize_t wlen;
    int64_t abs_pos;            /* raw position when known, -1 otherwise */
} io_buffered;
enum { IO_BR_READER = 1, IO_BR_WRITER = 2, IO_BR_RANDOM = 3 };

typedef struct {
    IO_HEAD;
    AdObject *reader, *writer;
} io_rwpair;

/* TextIOWrapper's codecs handled in C; IO_ENC_OTHER goes through the
 * codec registry's incremental encoder/decoder objects. */
enum { IO_ENC_UTF8, IO_ENC_UTF8SIG, IO_ENC_LATIN1, IO_ENC_ASCII, IO_ENC_UTF16, IO_ENC_UTF32, IO_ENC_OTHER };

typedef struct {
    IO_HEAD;
    AdObject *buffer;
    AdObject *encoding, *errors;        /* str */
    AdObject *newline_arg;              /* None or str */
    AdObject *encoder, *decoder;        /* IO_ENC_OTHER only (or NULL) */
    int enc_kind;
    unsigned char ok, detached, buffer_native, seekable, telling, readable, writable;
    unsigned char readuniversal, readtranslate, line_buffering, write_through;
    unsigned char has_read1, sig_pending, bom_checked;
    unsigned char order;                /* UTF-16/32: 0 BOM decides, 1 little, 2 big endian */
    uint32_t readnl[2];
    int readnl_len;
    const char *writenl;                /* NULL: no translation */
    int seennl;
    /* input: decoded, untranslated chars dec[dec_pos..); the byte offset
     * of dec[0] (for tell); bytes of an incomplete character kept back */
    AdObject *dec;
    Ad_ssize_t dec_pos;
    int64_t dec_start;
    char undec[8];
    int undec_len;
    int eof;
    /* output: encoded bytes not handed to the buffer yet */
    char *pend;
    Ad_ssize_t pend_len, pend_cap;
    Ad_ssize_t chunk_size;
} io_textio;

typedef struct {
    AdObject_HEAD;
    AdObject *decoder;          /* None or a decoder object */
    AdObject *errors;
    unsigned char translate, pendingcr;
    int seennl;
} io_nldecoder;

extern AdTypeObject AdIOBase_Type, AdRawIOBase_Type, AdBufferedIOBase_Type, AdTextIOBase_Type,
    AdFileIO_Type, AdBytesIO_Type, AdBytesIOBuffer_Type, AdStringIO_Type, AdBufferedReader_Type,
    AdBufferedWriter_Type, AdBufferedRandom_Type, AdBufferedRWPair_Type, AdTextIOWrapper_Type,
    AdIncrementalNewlineDecoder_Type;

/* ---- io_base.c ---------------------------------------------------------- */
int io_base_traverse(AdObject *self, visitproc visit, void *arg);
void io_base_clear_head(AdObject *self);
/* Runs close() when the object is not closed (tp_finalize of every class;
 * errors are reported as unraisable). */
void io_base_finalize(AdObject *self);
/* Before freeing: finalizes (close) with the object resurrected; returns 1
 * when the object was resurrected for good (the caller must not free). */
int io_dealloc_finalize(AdObject *self);
/* The error helpers: "I/O operation on closed file." etc. NULL or -1. */
AdObject *io_err_closed(void);
AdObject *io_unsupported(const char *msg);
/* self.closed via attribute (any object): 1, 0 or -1. */
int io_object_closed(AdObject *obj);
/* Raises ValueError when obj.closed is true; 0 or -1. */
int io_check_closed_attr(AdObject *obj);
/* Generic helpers on any object. */
AdObject *io_call0(AdObject *obj, const char *name);
AdObject *io_call1(AdObject *obj, const char *name, AdObject *arg);
/* tp_init argument parsing from (tuple, dict) with AdArg_Parse's messages. */
int io_parse_init(const char *fname, AdObject *args, AdObject *kwds, const char *const *names,
                  int npos_only, int nrequired, AdObject **out);
/* An optional size argument: None or absent -> -1; else an index.
 * 0 or -1 (TypeError "argument should be integer or None, not 'T'"). */
int io_size_arg(AdObject *o, Ad_ssize_t *out);
/* readline/iteration over anything with read()/peek(). */
AdObject *io_iternext_readline(AdObject *self);
AdMethodDef *io_base_methods_table(void);

/* ---- io_fileio.c -------------------------------------------------------- */
/* Raw fd helpers with EINTR handling and signals: bytes moved, or -1 with
 * OSError; read returns -2 (no exception) for EAGAIN. */
Ad_ssize_t io_fd_read(int fd, char *buf, Ad_ssize_t n);
Ad_ssize_t io_fd_write(int fd, const char *buf, Ad_ssize_t n);
int io_fileio_closed(io_fileio *f);

/* ---- io_buffered.c ------------------------------------------------------ */
/* The C side of a native Buffered* (used by TextIOWrapper). */
int io_buffered_write_c(io_buffered *b, const char *data, Ad_ssize_t n);
int io_buffered_flush_c(io_buffered *b);
/* Reads at most n bytes with at most one raw read (read1): new bytes. */
AdObject *io_buffered_read1_c(io_buffered *b, Ad_ssize_t n);
int64_t io_buffered_tell_c(io_buffered *b);
int io_buffered_closed_c(io_buffered *b);  /* 1, 0 or -1 */
int io_buffered_is_native(AdObject *o);

/* ---- io_textio.c -------------------------------------------------------- */
int io_textio_write_c(io_textio *t, AdObject *text);
int io_textio_flush_c(io_textio *t);
/* The normalized encoding kind of a name ("UTF8" -> IO_ENC_UTF8). */
int io_encoding_kind(const char *name);

/* ---- io_newline.c ------------------------------------------------------- */
/* Translates \r\n and \r to \n in s when translate, tracking *seennl and a
 * trailing \r kept pending (unless final). New str. */
AdObject *io_translate_newlines(AdObject *s, int translate, int final, unsigned char *pendingcr,
                                int *seennl);
AdObject *io_newlines_value(int seennl);
/* The end (exclusive) of the line that starts at start in data[..end):
 * mode IO_NL_LF (only \n ends a line), IO_NL_UNIVERSAL (\r, \n, \r\n) or
 * IO_NL_FIXED (nl[0..nl_len)). -1: no line end before end; -2: a \r (or
 * the start of the fixed newline) at the very end, more data may extend
 * it (callers at end of input take end). */
enum { IO_NL_LF, IO_NL_UNIVERSAL, IO_NL_FIXED };
Ad_ssize_t io_find_line_end(int kind, const void *data, Ad_ssize_t start, Ad_ssize_t end, int mode,
                            const uint32_t *nl, int nl_len);

/* ---- io_module.c -------------------------------------------------------- */
extern AdObject *io_UnsupportedOperation;
const char *io_default_encoding(void);
AdObject *io_open_impl(AdObject *file, AdObject *mode, int buffering, AdObject *encoding,
                       AdObject *errors, AdObject *newline, int closefd, AdObject *opener);

#endif
