/* io_module.c: the _io module itself: open() (builtins.open too) with
 * CPython 3.14's checks and messages, open_code(), text_encoding(),
 * DEFAULT_BUFFER_SIZE, io.UnsupportedOperation, the readying of every
 * class, the standard streams as CPython makes them, and the helpers of
 * io.h that print(), sys and the runtime use. */
#include <fcntl.h>
#include <langinfo.h>
#include <locale.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "modules/io_internal.h"
#include "objects/abstract.h"
#include "objects/args.h"
#include "objects/bytes.h"
#include "objects/dict.h"
#include "objects/errors.h"
#include "objects/exceptions.h"
#include "objects/float.h"
#include "objects/int.h"
#include "objects/module.h"
#include "objects/str.h"
#include "objects/tuple.h"
#include "objects/typeobject.h"
#include "runtime/lifecycle.h"

AdObject *io_UnsupportedOperation;
AdObject *AdIO_UnsupportedOperation;

/* What the standard streams are made of: readied at start-up. */
static AdTypeObject *const stdio_types[] = {
    &AdIOBase_Type, &AdRawIOBase_Type, &AdBufferedIOBase_Type, &AdTextIOBase_Type, &AdFileIO_Type,
    &AdBufferedReader_Type, &AdBufferedWriter_Type, &AdTextIOWrapper_Type, &AdIncrementalNewlineDecoder_Type,
};
/* The rest: readied when _io is imported or open() is first called, so
 * that a start-up that needs neither does not pay for them. */
static AdTypeObject *const other_types[] = {
    &AdBytesIO_Type, &AdBytesIOBuffer_Type, &AdStringIO_Type, &AdBufferedRandom_Type, &AdBufferedRWPair_Type,
};

static int io_ready_all(void)
{
    if (AdIO_Init() < 0)
        return -1;
    for (size_t i = 0; i < sizeof other_types / sizeof *other_types; i++)
        if (AdType_Ready(other_types[i]) < 0)
            return -1;
    return 0;
}

int AdIO_Init(void)
{
    for (size_t i = 0; i < sizeof stdio_types / sizeof *stdio_types; i++)
        if (AdType_Ready(stdio_types[i]) < 0)
            return -1;
    if (io_UnsupportedOperation)
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
    io_UnsupportedOperation = AdIO_UnsupportedOperation = t;
    return 0;
}

void AdIO_Fini(void)
{
    /* Immortal while the runtime lives; given back at finalization. */
    if (io_UnsupportedOperation) {
        AdObject *t = io_UnsupportedOperation;
        io_UnsupportedOperation = AdIO_UnsupportedOperation = NULL;
        AD_REFCNT(t) = 1;
        Ad_DECREF(t);
    }
}

const char *io_default_encoding(void)
{
    AdInterp *interp = Ad_MainInterp();
    if (interp && interp->config.utf8_mode > 0)
        return "utf-8";
    const char *cs = nl_langinfo(CODESET);
    if (!cs || !cs[0])
        return "utf-8";
    return cs;
}

const char *AdIO_DefaultEncoding(void) { return io_default_encoding(); }

/* ---- open() --------------------------------------------------------------------- */

AdObject *io_open_impl(AdObject *file, AdObject *mode_obj, int buffering, AdObject *encoding,
                       AdObject *errors, AdObject *newline, int closefd, AdObject *opener)
{
    const char *mode = "r";
    if (mode_obj && !(mode = AdStr_AsUTF8(mode_obj)))
        return NULL;
    if (!AdIndex_Check(file) && !AdFloat_Check(file) && !AdStr_Check(file) && !AdBytes_Check(file)) {
        AdObject *fspath = AdObject_LookupSpecial(file, AdStr_InternFromString("__fspath__"));
        if (!fspath) {
            if (!AdErr_Occurred())
                AdErr_Format(AdExc_TypeError, "expected str, bytes or os.PathLike object, not %s",
                             AdType_Name(AD_TYPE(file)));
            return NULL;
        }
        Ad_DECREF(fspath);
    }
    int creating = 0, reading = 0, writing = 0, appending = 0, updating = 0, text = 0, binary = 0;
    for (const char *p = mode; *p; p++) {
        char c = *p;
        if (!strchr("rwxabt+", c) || strchr(p + 1, c)) {
            AdErr_Format(AdExc_ValueError, "invalid mode: '%s'", mode);
            return NULL;
        }
        switch (c) {
        case 'x': creating = 1; break;
        case 'r': reading = 1; break;
        case 'w': writing = 1; break;
        case 'a': appending = 1; break;
        case '+': updating = 1; break;
        case 't': text = 1; break;
        case 'b': binary = 1; break;
        }
    }
    char rawmode[6], *m = rawmode;
    if (creating)
        *m++ = 'x';
    if (reading)
        *m++ = 'r';
    if (writing)
        *m++ = 'w';
    if (appending)
        *m++ = 'a';
    if (updating)
        *m++ = '+';
    *m = '\0';
    if (text && binary) {
        AdErr_SetString(AdExc_ValueError, "can't have text and binary mode at once");
        return NULL;
    }
    if (creating + reading + writing + appending > 1) {
        AdErr_SetString(AdExc_ValueError, "must have exactly one of create/read/write/append mode");
        return NULL;
    }
    if (binary && encoding && encoding != Ad_None) {
        AdErr_SetString(AdExc_ValueError, "binary mode doesn't take an encoding argument");
        return NULL;
    }
    if (binary && errors && errors != Ad_None) {
        AdErr_SetString(AdExc_ValueError, "binary mode doesn't take an errors argument");
        return NULL;
    }
    if (binary && newline && newline != Ad_None) {
        AdErr_SetString(AdExc_ValueError, "binary mode doesn't take a newline argument");
        return NULL;
    }
    if (binary && buffering == 1 &&
        AdErr_WarnEx(AdExc_RuntimeWarning,
                     "line buffering (buffering=1) isn't supported in binary mode, the default buffer size will be used",
                     1) < 0)
        return NULL;
    /* the raw file */
    AdObject *rawmode_obj = AdStr_FromString(rawmode);
    if (!rawmode_obj)
        return NULL;
    AdObject *fargs[4] = {file, rawmode_obj, AdBool_FromLong(closefd), opener ? opener : Ad_None};
    AdObject *raw = AdObject_Vectorcall((AdObject *)&AdFileIO_Type, fargs, 4, NULL);
    Ad_DECREF(rawmode_obj);
    if (!raw)
        return NULL;
    AdObject *result = raw;     /* what to close on failure */
    int line_buffering = 0;
    if (buffering == 1 || buffering < 0) {
        int tty;
        if (Ad_IS_TYPE(raw, &AdFileIO_Type))
            tty = isatty(((io_fileio *)raw)->fd);
        else {
            AdObject *r = io_call0(raw, "isatty");
            tty = r ? AdObject_IsTrue(r) : -1;
            Ad_XDECREF(r);
            if (tty < 0)
                goto fail;
        }
        if (buffering == 1 || tty) {
            buffering = -1;
            line_buffering = 1;
        }
    }
    if (buffering < 0) {
        Ad_ssize_t blk = Ad_IS_TYPE(raw, &AdFileIO_Type) ? ((io_fileio *)raw)->blksize : IO_DEFAULT_BUFFER_SIZE;
        buffering = blk > IO_DEFAULT_BUFFER_SIZE ? (blk > 8192 * 1024 ? 8192 * 1024 : (int)blk) : IO_DEFAULT_BUFFER_SIZE;
    }
    if (buffering == 0) {
        if (binary)
            return raw;
        AdErr_SetString(AdExc_ValueError, "can't have unbuffered text I/O");
        goto fail;
    }
    AdTypeObject *btype = updating ? &AdBufferedRandom_Type
        : (creating || writing || appending) ? &AdBufferedWriter_Type
        : &AdBufferedReader_Type;
    AdObject *bsize = AdInt_FromInt64(buffering);
    if (!bsize)
        goto fail;
    AdObject *bargs[2] = {raw, bsize};
    AdObject *buffer = AdObject_Vectorcall((AdObject *)btype, bargs, 2, NULL);
    Ad_DECREF(bsize);
    if (!buffer)
        goto fail;
    Ad_DECREF(raw);
    result = buffer;
    if (binary)
        return buffer;
    AdObject *targs[5] = {buffer, encoding ? encoding : Ad_None, errors ? errors : Ad_None,
                          newline ? newline : Ad_None, AdBool_FromLong(line_buffering)};
    AdObject *wrapper = AdObject_Vectorcall((AdObject *)&AdTextIOWrapper_Type, targs, 5, NULL);
    if (!wrapper)
        goto fail;
    result = wrapper;
    Ad_DECREF(buffer);
    AdObject *mo = AdStr_FromString(mode);
    if (!mo || AdObject_SetAttr(wrapper, AdStr_InternFromString("mode"), mo) < 0) {
        Ad_XDECREF(mo);
        goto fail;
    }
    Ad_DECREF(mo);
    return wrapper;
fail:
    {
        AdObject *exc = AdErr_GetRaisedException();
        AdObject *r = io_call0(result, "close");
        if (r)
            Ad_DECREF(r);
        else
            AdErr_Clear();
        Ad_DECREF(result);
        AdErr_SetRaisedException(exc);
    }
    return NULL;
}

static AdObject *io_open(AdObject *self, AdObject *const *args, Ad_ssize_t nargs, AdObject *kwnames)
{
    if (io_ready_all() < 0)
        return NULL;
    (void)self;
    static const char *const names[] = {"file", "mode", "buffering", "encoding", "errors",
                                        "newline", "closefd", "opener", NULL};
    AdObject *v[8];
    if (AdArg_Parse("open", args, nargs, kwnames, names, 0, 1, v) < 0)
        return NULL;
    if (v[1] && !AdStr_Check(v[1]))
        return AdErr_Format(AdExc_TypeError, "open() argument 'mode' must be str, not %s",
                            AdType_Name(AD_TYPE(v[1])));
    int buffering = -1;
    if (v[2]) {
        if (AdFloat_Check(v[2]) || !AdIndex_Check(v[2]))
            return AdErr_Format(AdExc_TypeError, "'%s' object cannot be interpreted as an integer",
                                AdType_Name(AD_TYPE(v[2])));
        Ad_ssize_t b = AdNumber_AsSsize_t(v[2], AdExc_OverflowError);
        if (b == -1 && AdErr_Occurred())
            return NULL;
        buffering = b > 0x7fffffff ? 0x7fffffff : b < -1 ? -1 : (int)b;
    }
    for (int i = 3; i <= 5; i++)
        if (v[i] && v[i] != Ad_None && !AdStr_Check(v[i]))
            return AdErr_Format(AdExc_TypeError, "open() argument '%s' must be str or None, not %s", names[i],
                                AdType_Name(AD_TYPE(v[i])));
    int closefd = 1;
    if (v[6] && (closefd = AdObject_IsTrue(v[6])) < 0)
        return NULL;
    return io_open_impl(v[0], v[1], buffering, v[3], v[4], v[5], closefd, v[7]);
}

AdMethodDef AdIO_OpenDef = {
    "open", (void (*)(void))io_open, AD_METH_FASTCALL | AD_METH_KEYWORDS,
    "open($module, /, file, mode='r', buffering=-1, encoding=None,\n     errors=None, newline=None, "
    "closefd=True, opener=None)\n--\n\nOpen file and return a stream.  Raise OSError upon failure.",
};

static AdObject *io_open_code(AdObject *self, AdObject *const *args, Ad_ssize_t nargs, AdObject *kwnames)
{
    (void)self;
    static const char *const names[] = {"path", NULL};
    AdObject *v[1];
    if (AdArg_Parse("open_code", args, nargs, kwnames, names, 0, 1, v) < 0)
        return NULL;
    if (!AdStr_Check(v[0]))
        return AdErr_Format(AdExc_TypeError, "open_code() argument 'path' must be str, not %s",
                            AdType_Name(AD_TYPE(v[0])));
    AdObject *mode = AdStr_FromString("rb");
    if (!mode)
        return NULL;
    AdObject *r = io_open_impl(v[0], mode, -1, NULL, NULL, NULL, 1, NULL);
    Ad_DECREF(mode);
    return r;
}

static AdObject *io_text_encoding(AdObject *self, AdObject *const *args, Ad_ssize_t nargs)
{
    (void)self;
    if (AdArg_CheckPositional("text_encoding", nargs, 1, 2) < 0)
        return NULL;
    if (args[0] != Ad_None)
        return Ad_NewRef(args[0]);
    AdInterp *interp = Ad_MainInterp();
    if (interp && interp->config.warn_default_encoding > 0) {
        Ad_ssize_t level = 2;
        if (nargs > 1) {
            level = AdNumber_AsSsize_t(args[1], AdExc_OverflowError);
            if (level == -1 && AdErr_Occurred())
                return NULL;
        }
        if (AdErr_WarnEx(AdExc_EncodingWarning, "'encoding' argument not specified", level) < 0)
            return NULL;
    }
    return AdStr_FromString(interp && interp->config.utf8_mode > 0 ? "utf-8" : "locale");
}

static AdMethodDef io_functions[] = {
    {"open", (void (*)(void))io_open, AD_METH_FASTCALL | AD_METH_KEYWORDS,
     "open($module, /, file, mode='r', buffering=-1, encoding=None,\n     errors=None, newline=None, "
     "closefd=True, opener=None)\n--\n\nOpen file and return a stream.  Raise OSError upon failure."},
    {"open_code", (void (*)(void))io_open_code, AD_METH_FASTCALL | AD_METH_KEYWORDS,
     "open_code($module, /, path)\n--\n\nOpens the provided file with the intent to import the contents.\n\n"
     "This may perform extra validation beyond open(), but is otherwise interchangeable\n"
     "with calling open(path, 'rb')."},
    {"text_encoding", (void (*)(void))io_text_encoding, AD_METH_FASTCALL,
     "text_encoding($module, encoding, stacklevel=2, /)\n--\n\n"
     "A helper function to choose the text encoding."},
    {NULL, NULL, 0, NULL},
};

AdObject *AdModule_InitIO(void)
{
    if (io_ready_all() < 0)
        return NULL;
    AdObject *m = AdModule_New("_io");
    if (!m)
        return NULL;
    if (AdModule_SetDocString(m, "The io module provides the Python interfaces to stream handling.") < 0 ||
        AdModule_AddFunctions(m, io_functions) < 0 ||
        AdModule_AddIntConstant(m, "DEFAULT_BUFFER_SIZE", IO_DEFAULT_BUFFER_SIZE) < 0 ||
        AdModule_AddObjectRef(m, "UnsupportedOperation", io_UnsupportedOperation) < 0 ||
        AdModule_AddObjectRef(m, "BlockingIOError", AdExc_BlockingIOError) < 0)
        goto fail;
    static const struct { const char *name; AdTypeObject *type; } types[] = {
        {"_IOBase", &AdIOBase_Type}, {"_RawIOBase", &AdRawIOBase_Type},
        {"_BufferedIOBase", &AdBufferedIOBase_Type}, {"_TextIOBase", &AdTextIOBase_Type},
        {"FileIO", &AdFileIO_Type}, {"BytesIO", &AdBytesIO_Type}, {"_BytesIOBuffer", &AdBytesIOBuffer_Type},
        {"StringIO", &AdStringIO_Type}, {"BufferedReader", &AdBufferedReader_Type},
        {"BufferedWriter", &AdBufferedWriter_Type}, {"BufferedRandom", &AdBufferedRandom_Type},
        {"BufferedRWPair", &AdBufferedRWPair_Type}, {"TextIOWrapper", &AdTextIOWrapper_Type},
        {"IncrementalNewlineDecoder", &AdIncrementalNewlineDecoder_Type},
    };
    for (size_t i = 0; i < sizeof types / sizeof *types; i++)
        if (AdModule_AddObjectRef(m, types[i].name, (AdObject *)types[i].type) < 0)
            goto fail;
    return m;
fail:
    Ad_DECREF(m);
    return NULL;
}

/* ---- helpers for print(), sys and the runtime --------------------------------------- */

int AdIO_WriteObject(AdObject *stream, AdObject *str)
{
    if (Ad_IS_TYPE(stream, &AdTextIOWrapper_Type) && AdStr_Check(str)) {
        io_textio *t = (io_textio *)stream;
        if (!t->ok) {
            AdErr_SetString(AdExc_ValueError, t->detached ? "underlying buffer has been detached"
                                                          : "I/O operation on uninitialized object");
            return -1;
        }
        return io_textio_write_c(t, str);
    }
    AdObject *r = AdObject_CallMethod(stream, AdStr_InternFromString("write"), &str, 1);
    if (!r)
        return -1;
    Ad_DECREF(r);
    return 0;
}

int AdIO_WriteString(AdObject *stream, const char *utf8)
{
    AdObject *s = AdStr_FromString(utf8);
    if (!s)
        return -1;
    int r = AdIO_WriteObject(stream, s);
    Ad_DECREF(s);
    return r;
}

int AdIO_Flush(AdObject *stream)
{
    if (Ad_IS_TYPE(stream, &AdTextIOWrapper_Type) && ((io_textio *)stream)->ok)
        return io_textio_flush_c((io_textio *)stream);
    AdObject *r = AdObject_CallMethod(stream, AdStr_InternFromString("flush"), NULL, 0);
    if (!r)
        return -1;
    Ad_DECREF(r);
    return 0;
}

/* ---- the standard streams ------------------------------------------------------------ */

/* The codec name CPython reports for an encoding ("UTF8" -> "utf-8"). */
static const char *codec_name(const char *enc, char *buf, size_t size)
{
    size_t i = 0;
    for (; enc[i] && i + 1 < size; i++)
        buf[i] = (enc[i] == '_' || enc[i] == ' ') ? '-'
            : (char)((enc[i] >= 'A' && enc[i] <= 'Z') ? enc[i] + 32 : enc[i]);
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
    if (AdIO_Init() < 0)
        return NULL;
    char encbuf[64];
    const char *enc;
    if (config->stdio_encoding && config->stdio_encoding[0])
        enc = codec_name(config->stdio_encoding, encbuf, sizeof encbuf);
    else if (config->utf8_mode > 0)
        enc = "utf-8";
    else
        enc = codec_name(io_default_encoding(), encbuf, sizeof encbuf);
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
    int write_mode = fd != 0;
    AdObject *fdobj = AdInt_FromInt64(fd);
    AdObject *mode = AdStr_FromString(write_mode ? "wb" : "rb");
    AdObject *raw = NULL, *buf = NULL, *text = NULL, *name = NULL;
    if (!fdobj || !mode)
        goto done;
    AdObject *rargs[3] = {fdobj, mode, Ad_False};
    raw = AdObject_Vectorcall((AdObject *)&AdFileIO_Type, rargs, 3, NULL);
    if (!raw)
        goto done;
    name = AdStr_FromString(names[fd]);
    if (!name || AdObject_SetAttr(raw, AdStr_InternFromString("name"), name) < 0)
        goto done;
    if (!buffered && write_mode)
        buf = Ad_NewRef(raw);
    else {
        AdObject *bargs[1] = {raw};
        buf = AdObject_Vectorcall((AdObject *)(write_mode ? &AdBufferedWriter_Type : &AdBufferedReader_Type),
                                  bargs, 1, NULL);
        if (!buf)
            goto done;
    }
    int line_buffering = buffered && (isatty(fd) || fd == 2);
    AdObject *encobj = AdStr_FromString(enc);
    AdObject *errobj = AdStr_FromString(errors);
    AdObject *nl = AdStr_FromString("\n");
    if (encobj && errobj && nl) {
        AdObject *targs[6] = {buf, encobj, errobj, nl, AdBool_FromLong(line_buffering), AdBool_FromLong(!buffered)};
        text = AdObject_Vectorcall((AdObject *)&AdTextIOWrapper_Type, targs, 6, NULL);
    }
    Ad_XDECREF(encobj);
    Ad_XDECREF(errobj);
    Ad_XDECREF(nl);
    if (!text)
        goto done;
    AdObject *tm = AdStr_FromString(write_mode ? "w" : "r");
    if (!tm || AdObject_SetAttr(text, AdStr_InternFromString("mode"), tm) < 0) {
        Ad_XDECREF(tm);
        AD_CLEAR(text);
        goto done;
    }
    Ad_DECREF(tm);
done:
    Ad_XDECREF(fdobj);
    Ad_XDECREF(mode);
    Ad_XDECREF(raw);
    Ad_XDECREF(buf);
    Ad_XDECREF(name);
    return text;
}
