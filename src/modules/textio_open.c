/* textio_open.c: builtin open() over Adder's native files, the standard
 * streams' construction, the default encodings, and io.UnsupportedOperation
 * (textio.h). Checks and messages follow CPython 3.14's io.open. */
#include <errno.h>
#include <fcntl.h>
#include <langinfo.h>
#include <locale.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "modules/textio.h"
#include "objects/abstract.h"
#include "objects/bytes.h"
#include "objects/descr.h"
#include "objects/dict.h"
#include "objects/errors.h"
#include "objects/exceptions.h"
#include "objects/int.h"
#include "objects/str.h"
#include "objects/tuple.h"
#include "objects/typeobject.h"
#include "runtime/lifecycle.h"

AdObject *AdIO_UnsupportedOperation;

int AdTextIO_Init(void)
{
    AdTypeObject *const types[] = {&AdFileIO_Type, &AdBufferedReader_Type, &AdBufferedWriter_Type,
                                   &AdBufferedRandom_Type, &AdTextIOWrapper_Type};
    for (size_t i = 0; i < sizeof types / sizeof *types; i++)
        if (AdType_Ready(types[i]) < 0)
            return -1;
    if (AdIO_UnsupportedOperation)
        return 0;
    AdObject *name = AdStr_FromString("UnsupportedOperation");
    AdObject *bases = AdTuple_Pack(2, AdExc_OSError, AdExc_ValueError);
    AdObject *dict = AdDict_New();
    AdObject *mod = AdStr_FromString("io");
    AdObject *t = NULL;
    if (name && bases && dict && mod && AdDict_SetItemString(dict, "__module__", mod) == 0) {
        AdObject *args = AdTuple_Pack(3, name, bases, dict);
        t = args ? AdObject_Call((AdObject *)&AdType_Type, args, NULL) : NULL;
        Ad_XDECREF(args);
    }
    Ad_XDECREF(name);
    Ad_XDECREF(bases);
    Ad_XDECREF(dict);
    Ad_XDECREF(mod);
    if (!t)
        return -1;
    Ad_SetImmortal(t);
    AdIO_UnsupportedOperation = t;
    return 0;
}

void AdTextIO_Fini(void)
{
    AdObject *t = AdIO_UnsupportedOperation;
    AdIO_UnsupportedOperation = NULL;
    if (t) {
        t->ob_refcnt = 1;       /* immortal until now: ours is the only ref */
        Ad_DECREF(t);
    }
}

const char *AdIO_DefaultEncoding(void)
{
    AdInterp *interp = Ad_MainInterp();
    if (interp && interp->config.utf8_mode > 0)
        return "utf-8";
    const char *cs = nl_langinfo(CODESET);
    if (!cs || !cs[0])
        return "utf-8";
    return cs;
}

/* ---- open() --------------------------------------------------------------------- */

static int parse_mode(const char *mode, int *text, int *reading, int *writing,
                      int *appending, int *creating, int *updating)
{
    int binary = 0, t = 0, seen[128] = {0};
    *reading = *writing = *appending = *creating = *updating = 0;
    for (const char *p = mode; *p; p++) {
        unsigned char c = (unsigned char)*p;
        if (c >= 128 || !strchr("rwaxbt+", c) || seen[c]) {
            AdErr_Format(AdExc_ValueError, "invalid mode: '%s'", mode);
            return -1;
        }
        seen[c] = 1;
        switch (c) {
        case 'r': *reading = 1; break;
        case 'w': *writing = 1; break;
        case 'a': *appending = 1; break;
        case 'x': *creating = 1; break;
        case '+': *updating = 1; break;
        case 'b': binary = 1; break;
        case 't': t = 1; break;
        }
    }
    if (binary && t) {
        AdErr_SetString(AdExc_ValueError, "can't have text and binary mode at once");
        return -1;
    }
    int n = *reading + *writing + *appending + *creating;
    if (n > 1) {
        AdErr_SetString(AdExc_ValueError, "must have exactly one of create/read/write/append mode");
        return -1;
    }
    *text = !binary;
    return n;
}

AdObject *AdIO_Open(AdObject *file, const char *mode, int buffering, AdObject *encoding,
                    AdObject *errors, AdObject *newline, int closefd, AdObject *opener)
{
    int text, reading, writing, appending, creating, updating;
    if (encoding == Ad_None)
        encoding = NULL;
    if (errors == Ad_None)
        errors = NULL;
    if (newline == Ad_None)
        newline = NULL;
    if (opener == Ad_None)
        opener = NULL;
    AdObject *path = NULL;
    int fd = -1;
    if (AdInt_Check(file) && !AdBool_Check(file)) {
        int64_t v = AdInt_AsInt64(file);
        if (v == -1 && AdErr_Occurred())
            return NULL;
        if (v < 0)
            return AdErr_Format(AdExc_ValueError, "negative file descriptor");
        fd = (int)v;
    }
    else if (AdStr_Check(file) || AdBytes_Check(file))
        path = Ad_NewRef(file);
    else {
        AdObject *fspath = AdObject_LookupSpecial(file, AdStr_InternFromString("__fspath__"));
        if (!fspath) {
            if (!AdErr_Occurred())
                AdErr_Format(AdExc_TypeError, "expected str, bytes or os.PathLike object, not %s",
                             AdType_Name(AD_TYPE(file)));
            return NULL;
        }
        path = AdObject_CallNoArgs(fspath);
        Ad_DECREF(fspath);
        if (!path)
            return NULL;
        if (!AdStr_Check(path) && !AdBytes_Check(path)) {
            AdErr_Format(AdExc_TypeError, "expected %s.__fspath__() to return str or bytes, not %s",
                         AdType_Name(AD_TYPE(file)), AdType_Name(AD_TYPE(path)));
            Ad_DECREF(path);
            return NULL;
        }
    }
    int n = parse_mode(mode, &text, &reading, &writing, &appending, &creating, &updating);
    if (n < 0)
        goto fail;
    if (n == 0) {
        AdErr_SetString(AdExc_ValueError,
                        "Must have exactly one of create/read/write/append mode and at most one plus");
        goto fail;
    }
    if (!text) {
        if (encoding) {
            AdErr_SetString(AdExc_ValueError, "binary mode doesn't take an encoding argument");
            goto fail;
        }
        if (errors) {
            AdErr_SetString(AdExc_ValueError, "binary mode doesn't take an errors argument");
            goto fail;
        }
        if (newline) {
            AdErr_SetString(AdExc_ValueError, "binary mode doesn't take a newline argument");
            goto fail;
        }
        if (buffering == 1 &&
            AdErr_WarnEx(AdExc_RuntimeWarning,
                         "line buffering (buffering=1) isn't supported in binary mode, the default buffer "
                         "size will be used", 1) < 0)
            goto fail;
    }
    else if (buffering == 0) {
        AdErr_SetString(AdExc_ValueError, "can't have unbuffered text I/O");
        goto fail;
    }
    const char *nl = NULL;
    if (newline) {
        nl = AdStr_AsUTF8(newline);
        if (!nl)
            goto fail;
        if (strcmp(nl, "") && strcmp(nl, "\n") && strcmp(nl, "\r") && strcmp(nl, "\r\n")) {
            AdErr_Format(AdExc_ValueError, "illegal newline value: %s", nl);
            goto fail;
        }
    }
    const char *enc = encoding ? AdStr_AsUTF8(encoding) : NULL;
    const char *err = errors ? AdStr_AsUTF8(errors) : NULL;
    if ((encoding && !enc) || (errors && !err))
        goto fail;
    if (enc) {
        /* Unknown encodings fail at open, as codecs.lookup makes them. */
        AdObject *empty = AdStr_FromString("");
        AdObject *probe = empty ? AdStr_AsEncodedString(empty, enc, "strict") : NULL;
        Ad_XDECREF(empty);
        if (!probe)
            goto fail;
        Ad_DECREF(probe);
    }
    if (fd < 0) {
        if (!closefd) {
            AdErr_SetString(AdExc_ValueError, "Cannot use closefd=False with file name");
            goto fail;
        }
        int flags = O_CLOEXEC;
        if (updating)
            flags |= O_RDWR;
        else if (reading)
            flags |= O_RDONLY;
        else
            flags |= O_WRONLY;
        if (writing)
            flags |= O_CREAT | O_TRUNC;
        if (appending)
            flags |= O_CREAT | O_APPEND;
        if (creating)
            flags |= O_CREAT | O_EXCL;
        if (opener) {
            AdObject *fl = AdInt_FromInt64(flags);
            AdObject *argv[2] = {path, fl};
            AdObject *r = fl ? AdObject_Vectorcall(opener, argv, 2, NULL) : NULL;
            Ad_XDECREF(fl);
            if (!r)
                goto fail;
            if (!AdInt_Check(r)) {
                AdErr_SetString(AdExc_TypeError, "expected integer from opener");
                Ad_DECREF(r);
                goto fail;
            }
            int64_t v = AdInt_AsInt64(r);
            Ad_DECREF(r);
            if (v == -1 && AdErr_Occurred())
                goto fail;
            if (v < 0) {
                AdErr_Format(AdExc_ValueError, "opener returned %lld", (long long)v);
                goto fail;
            }
            fd = (int)v;
        }
        else {
            const char *cpath = AdStr_Check(path) ? AdStr_AsUTF8(path) : AdBytes_AS_STRING(path);
            if (!cpath)
                goto fail;
            if (AdBytes_Check(path) ? (Ad_ssize_t)strlen(cpath) != AdBytes_GET_SIZE(path)
                                    : strlen(cpath) != (size_t)((AdStrObject *)path)->utf8_length) {
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
        struct stat st;
        if (fstat(fd, &st) == 0 && S_ISDIR(st.st_mode)) {
            close(fd);
            errno = EISDIR;
            AdErr_SetFromErrnoWithFilenameObjects(AdExc_OSError, path, NULL);
            goto fail;
        }
        if (appending)
            lseek(fd, 0, SEEK_END);
    }
    int line_buffering = 0;
    if (buffering == 1 || (buffering < 0 && isatty(fd))) {
        if (text && buffering == 1)
            line_buffering = 1;
        else if (text && buffering < 0)
            line_buffering = 1;
        buffering = -1;
    }
    if (buffering < 0) {
        struct stat st;
        buffering = fstat(fd, &st) == 0 && st.st_blksize > 1 ? (int)st.st_blksize : 8192;
    }
    char bmode[8];
    snprintf(bmode, sizeof bmode, "%c%s", creating ? 'x' : appending ? 'a' : writing ? 'w' : 'r',
             updating ? "+" : "");
    AdObject *binary = AdBinaryFile_FromFd(fd, path ? path : file, bmode, path ? 1 : closefd, buffering);
    if (!binary) {
        if (path)
            close(fd);
        goto fail;
    }
    Ad_XDECREF(path);
    if (!text)
        return binary;
    AdObject *t = AdTextIO_Wrap(binary, enc, err, newline ? nl : NULL, line_buffering, 0);
    Ad_DECREF(binary);
    if (!t)
        return NULL;
    AdObject *m = AdStr_FromString(mode);
    if (!m || AdObject_SetAttr(t, AdStr_InternFromString("mode"), m) < 0) {
        Ad_XDECREF(m);
        Ad_DECREF(t);
        return NULL;
    }
    Ad_DECREF(m);
    return t;
fail:
    Ad_XDECREF(path);
    return NULL;
}

static AdObject *builtin_open(AdObject *self, AdObject *const *args, Ad_ssize_t nargs, AdObject *kwnames)
{
    (void)self;
    static const char *const names[] = {"file", "mode", "buffering", "encoding", "errors",
                                        "newline", "closefd", "opener"};
    AdObject *v[8];
    Ad_ssize_t total = nargs + (kwnames ? AdTuple_GET_SIZE(kwnames) : 0);
    if (nargs > 8)
        return AdErr_Format(AdExc_TypeError, "open() takes at most 8 arguments (%zd given)", total);
    if (ad_num_parse_args("open", args, nargs, kwnames, NULL, names, 8, 0, 8, 1, v) < 0)
        return NULL;
    const char *mode = "r";
    if (v[1]) {
        if (!AdStr_Check(v[1]))
            return AdErr_Format(AdExc_TypeError, "open() argument 'mode' must be str, not %s",
                                AdType_Name(AD_TYPE(v[1])));
        if (!(mode = AdStr_AsUTF8(v[1])))
            return NULL;
    }
    int buffering = -1;
    if (v[2]) {
        if (!AdIndex_Check(v[2]))
            return AdErr_Format(AdExc_TypeError, "'%s' object cannot be interpreted as an integer",
                                AdType_Name(AD_TYPE(v[2])));
        Ad_ssize_t b = AdNumber_AsSsize_t(v[2], AdExc_OverflowError);
        if (b == -1 && AdErr_Occurred())
            return NULL;
        buffering = b > 0x7fffffff ? 0x7fffffff : (int)b;
    }
    for (int i = 3; i <= 5; i++)
        if (v[i] && v[i] != Ad_None && !AdStr_Check(v[i]))
            return AdErr_Format(AdExc_TypeError, "open() argument '%s' must be str or None, not %s",
                                names[i], AdType_Name(AD_TYPE(v[i])));
    int closefd = 1;
    if (v[6]) {
        closefd = AdObject_IsTrue(v[6]);
        if (closefd < 0)
            return NULL;
    }
    return AdIO_Open(v[0], mode, buffering, v[3] ? v[3] : Ad_None, v[4] ? v[4] : Ad_None,
                     v[5] ? v[5] : Ad_None, closefd, v[7] ? v[7] : Ad_None);
}

AdMethodDef AdIO_OpenDef = {
    "open", (void (*)(void))builtin_open, AD_METH_FASTCALL | AD_METH_KEYWORDS,
    "open($module, /, file, mode='r', buffering=-1, encoding=None,\n     errors=None, newline=None, "
    "closefd=True, opener=None)\n--\n\nOpen file and return a stream.  Raise OSError upon failure.",
};

/* ---- the standard streams -------------------------------------------------------- */

/* The codec name CPython reports for an encoding ("UTF8" -> "utf-8"). */
static const char *codec_name(const char *enc, char *buf, size_t size)
{
    size_t i = 0;
    for (; enc[i] && i + 1 < size; i++)
        buf[i] = (enc[i] == '_' || enc[i] == ' ') ? '-' : (char)((enc[i] >= 'A' && enc[i] <= 'Z') ? enc[i] + 32 : enc[i]);
    buf[i] = '\0';
    static const struct { const char *alias, *name; } names[] = {
        {"utf-8", "utf-8"}, {"utf8", "utf-8"}, {"u8", "utf-8"}, {"utf", "utf-8"}, {"cp65001", "utf-8"},
        {"latin-1", "iso8859-1"}, {"latin1", "iso8859-1"}, {"iso-8859-1", "iso8859-1"},
        {"iso8859-1", "iso8859-1"}, {"l1", "iso8859-1"}, {"latin", "iso8859-1"}, {"8859", "iso8859-1"},
        {"cp819", "iso8859-1"}, {"ascii", "ascii"}, {"us-ascii", "ascii"}, {"646", "ascii"},
        {"ansi-x3.4-1968", "ascii"}, {"utf-16", "utf-16"}, {"utf16", "utf-16"}, {"utf-32", "utf-32"},
        {"utf32", "utf-32"}, {"utf-8-sig", "utf-8-sig"}, {"utf8-sig", "utf-8-sig"},
    };
    for (size_t k = 0; k < sizeof names / sizeof *names; k++)
        if (strcmp(buf, names[k].alias) == 0)
            return names[k].name;
    return buf;
}

/* PEP 538 coercion targets and the C/POSIX locale: stdio uses surrogateescape. */
static int locale_wants_surrogateescape(void)
{
    const char *loc = setlocale(LC_CTYPE, NULL);
    if (!loc)
        return 1;
    return strcmp(loc, "C") == 0 || strcmp(loc, "POSIX") == 0 || strcmp(loc, "C.UTF-8") == 0 ||
           strcmp(loc, "C.utf8") == 0 || strcmp(loc, "UTF-8") == 0;
}

AdObject *AdIO_CreateStdStream(int fd, const AdConfig *config)
{
    static const char *const names[] = {"<stdin>", "<stdout>", "<stderr>"};
    char encbuf[64];
    const char *enc;
    if (config->stdio_encoding && config->stdio_encoding[0])
        enc = codec_name(config->stdio_encoding, encbuf, sizeof encbuf);
    else if (config->utf8_mode > 0)
        enc = "utf-8";
    else
        enc = codec_name(AdIO_DefaultEncoding(), encbuf, sizeof encbuf);
    const char *errors;
    if (fd == 2)
        errors = "backslashreplace";
    else if (config->stdio_errors && config->stdio_errors[0])
        errors = config->stdio_errors;
    else if (config->utf8_mode > 0 || locale_wants_surrogateescape())
        errors = "surrogateescape";
    else
        errors = "strict";
    int buffered = config->buffered_stdio;
    int tty = isatty(fd);
    AdObject *name = AdStr_FromString(names[fd]);
    if (!name)
        return NULL;
    AdObject *binary = AdBinaryFile_FromFd(fd, name, fd == 0 ? "rb" : "wb", 0,
                                           (fd != 0 && !buffered) ? 0 : -1);
    Ad_DECREF(name);
    if (!binary)
        return NULL;
    AdObject *t = AdTextIO_Wrap(binary, enc, errors, "\n", buffered && (tty || fd == 2), !buffered);
    Ad_DECREF(binary);
    if (!t)
        return NULL;
    AdObject *m = AdStr_FromString(fd == 0 ? "r" : "w");
    if (!m || AdObject_SetAttr(t, AdStr_InternFromString("mode"), m) < 0) {
        Ad_XDECREF(m);
        Ad_DECREF(t);
        return NULL;
    }
    Ad_DECREF(m);
    return t;
}
