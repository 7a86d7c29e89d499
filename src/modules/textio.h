/* textio.h: Adder's native file and stream objects, used for sys.stdin,
 * sys.stdout, sys.stderr and builtin open() until the standard library's
 * _io arrives. They present CPython's class names and reprs
 * (_io.TextIOWrapper, _io.BufferedReader/Writer/Random, _io.FileIO) and
 * their common methods: a binary layer (an fd with a read buffer and a
 * write buffer flushed when full, on flush() and at close) and a text
 * layer over it (encoding and error handler, newline translation and
 * universal newlines on input, line buffering, write-through).
 *
 * Every function returns NULL or -1 with an exception on failure. */
#ifndef ADDER_MODULES_TEXTIO_H
#define ADDER_MODULES_TEXTIO_H
#include <stdint.h>
#include "objects/object.h"
#include "runtime/config.h"

/* ---- the binary layer --------------------------------------------------- */

typedef struct {
    AdObject_HEAD;
    int fd;                     /* -1 once closed */
    unsigned char readable, writable, appending, closefd, closed;
    signed char seekable;       /* -1: not asked yet */
    unsigned char unbuffered;   /* FileIO: writes go straight to the fd */
    AdObject *name;             /* str, bytes or int */
    char mode[8];               /* "rb", "wb", "rb+", ... */
    char *wbuf;                 /* pending writes */
    Ad_ssize_t wlen, wcap;
    char *rbuf;                 /* read-ahead: bytes rbuf[rpos..rlen) */
    Ad_ssize_t rpos, rlen, rcap;
    Ad_ssize_t buffer_size;
    AdObject *dict;
} AdBinaryFileObject;

extern AdTypeObject AdFileIO_Type, AdBufferedReader_Type, AdBufferedWriter_Type,
    AdBufferedRandom_Type, AdTextIOWrapper_Type;
/* io.UnsupportedOperation (subclass of OSError and ValueError); made by
 * AdTextIO_Init. Borrowed. */
extern AdObject *AdIO_UnsupportedOperation;

/* ---- the text layer ----------------------------------------------------- */

typedef struct {
    AdObject_HEAD;
    AdObject *buffer;           /* an AdBinaryFileObject */
    AdObject *encoding;         /* str, as reported */
    AdObject *errors;           /* str */
    char *enc;                  /* the codec name used for each chunk */
    char *err;
    int enc_kind;               /* private to textio_text.c */
    int bom_state;              /* 0: a BOM may follow, 1: done */
    int readtranslate;          /* newline=None: \r and \r\n read as \n */
    int readuniversal;          /* newline None or '': any line ending ends a line */
    uint32_t readnl[2];         /* newline '\n', '\r' or '\r\n' when not universal */
    int readnl_len;
    const char *writenl;        /* NULL: no translation, else "\r" or "\r\n" */
    AdObject *newline_arg;      /* None or str as given */
    int line_buffering, write_through;
    char mode[8];               /* "r", "w", "r+", ... */
    uint32_t *pend;             /* decoded input not yet consumed: pend[ppos..plen) */
    Ad_ssize_t ppos, plen, pcap;
    char *undecoded;            /* bytes read but not decoded yet */
    Ad_ssize_t ulen, ucap;
    int eof;
    int64_t pend_start;         /* byte offset of pend[0] (for tell) */
    int detached;
    AdObject *dict;
} AdTextIOObject;

/* Readies the types and makes io.UnsupportedOperation (once per process).
 * 0 or -1. */
int AdTextIO_Init(void);
/* Finalization (ad_sys_fini): frees io.UnsupportedOperation. */
void AdTextIO_Fini(void);

/* A binary file over fd. mode is "rb", "wb", "ab", "xb", "rb+" ...;
 * name is kept (new ref taken). closefd: close fd when the object closes.
 * buffering: 0 unbuffered (FileIO), otherwise the buffer size (-1 default).
 * New ref. */
AdObject *AdBinaryFile_FromFd(int fd, AdObject *name, const char *mode, int closefd, int buffering);

/* A text stream over a binary file (reference taken). encoding/errors
 * NULL: the defaults (locale encoding, "strict"); newline NULL: universal
 * newlines (None). New ref. */
AdObject *AdTextIO_Wrap(AdObject *buffer, const char *encoding, const char *errors,
                        const char *newline, int line_buffering, int write_through);

/* builtins.open(file, mode='r', buffering=-1, encoding=None, errors=None,
 * newline=None, closefd=True, opener=None) with CPython's checks and
 * messages. New ref. */
AdObject *AdIO_Open(AdObject *file, const char *mode, int buffering, AdObject *encoding,
                    AdObject *errors, AdObject *newline, int closefd, AdObject *opener);
/* The same as a builtin function definition, for the builtins module to
 * install as "open" (vectorcall with keywords; argument checking included). */
extern AdMethodDef AdIO_OpenDef;

/* The encoding that open() uses when none is given: "utf-8" in UTF-8
 * mode, else the locale's codeset ("UTF-8" under C.UTF-8). Static string. */
const char *AdIO_DefaultEncoding(void);

/* Writes a str to a text stream object (any object with write()); for
 * print() and the hooks of sys. 0 or -1. */
int AdIO_WriteString(AdObject *stream, const char *utf8);
int AdIO_WriteObject(AdObject *stream, AdObject *str);
/* Calls stream.flush(); 0 or -1. */
int AdIO_Flush(AdObject *stream);

/* A standard stream for fd 0, 1 or 2 as the configuration asks:
 * encoding from PYTHONIOENCODING, else utf-8 in UTF-8 mode, else the
 * locale's; errors "backslashreplace" on stderr, else PYTHONIOENCODING's,
 * else "surrogateescape" under UTF-8 mode or the C/POSIX/C.UTF-8 locales,
 * else "strict"; newline "\n"; line buffering on a tty and always on
 * stderr; with -u (buffered_stdio 0) stdout/stderr are write-through over
 * an unbuffered FileIO. The fd is never closed by the stream. New ref. */
AdObject *AdIO_CreateStdStream(int fd, const AdConfig *config);

/* ---- private to the textio files (modules room) ------------------------- */
int modules_binfile_flush(AdBinaryFileObject *b);
/* Reads up to n bytes (at least one unless at EOF) without waiting for
 * more than one read(2): what the text layer fills itself with. *out gets
 * a malloc'd block (caller frees), its length is returned (0 at EOF), -1
 * on error. */
Ad_ssize_t modules_binfile_read_some(AdBinaryFileObject *b, Ad_ssize_t n, char **out);
int modules_binfile_write(AdBinaryFileObject *b, const char *data, Ad_ssize_t n);
int64_t modules_binfile_tell(AdBinaryFileObject *b);
int64_t modules_binfile_seek(AdBinaryFileObject *b, int64_t pos, int whence);
int modules_binfile_close(AdBinaryFileObject *b);
int modules_io_check_closed(int closed);
AdObject *modules_io_unsupported(const char *msg);

#endif
