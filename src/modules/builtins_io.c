/* builtins_io.c: print(), input() and breakpoint(), which go through
 * sys.stdout / sys.stdin / sys.stderr / sys.breakpointhook (switch
 * ADDER_HAVE_SYS; before that, through the C streams), and open(), which
 * is _io.open (switch ADDER_HAVE_TEXTIO; print() then writes to a native
 * TextIOWrapper in C). */
#include "modules/builtins.h"
#include "objects/abstract.h"
#include "objects/dict.h"
#include "objects/errors.h"
#include "objects/exceptions.h"
#include "objects/int.h"
#include "objects/str.h"
#include "objects/tuple.h"
#include "objects/typeobject.h"
#if ADDER_HAVE_SYS
#include "modules/sys.h"
#endif
#if ADDER_HAVE_TEXTIO
#include "modules/io.h"
#include "runtime/gil.h"
#endif

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static AdObject *istr(const char *s) { return AdStr_InternFromString(s); }

/* sys.<name> (borrowed) or NULL without an exception. */
static AdObject *sys_object(const char *name)
{
#if ADDER_HAVE_SYS
    return AdSys_GetObject(name);
#else
    (void)name;
    return NULL;
#endif
}

/* Writes s (a str) to file, or to C stdout when file is NULL. 0 or -1. */
static int write_str(AdObject *file, AdObject *s)
{
    if (!file) {
        Ad_ssize_t n;
        const char *u = AdStr_AsUTF8AndSize(s, &n);
        if (!u)
            return -1;
        fwrite(u, 1, (size_t)n, stdout);
        return 0;
    }
#if ADDER_HAVE_TEXTIO
    return AdIO_WriteObject(file, s);
#else
    AdObject *r = AdObject_CallMethod(file, istr("write"), &s, 1);
    if (!r)
        return -1;
    Ad_DECREF(r);
    return 0;
#endif
}

static int check_sep(const char *what, AdObject *v)
{
    if (v && v != Ad_None && !AdStr_Check(v)) {
        AdErr_Format(AdExc_TypeError, "%s must be None or a string, not %.200s", what, AdType_Name(AD_TYPE(v)));
        return -1;
    }
    return 0;
}

static AdObject *bi_print(AdObject *m, AdObject *const *args, Ad_ssize_t nargs, AdObject *kwnames)
{
    (void)m;
    static const char *const names[] = {"sep", "end", "file", "flush"};
    AdObject *kw[4];
    if (ad_num_parse_args("print", args + nargs, 0, kwnames, NULL, names, 4, 0, 0, 0, kw) < 0)
        return NULL;
    AdObject *sep = kw[0], *end = kw[1], *file = kw[2], *flush = kw[3];
    if (file == Ad_None)
        file = NULL;
    int use_c = 0;
    if (!file) {
#if ADDER_HAVE_SYS
        file = sys_object("stdout");
        if (!file) {
            if (AdErr_Occurred())
                return NULL;
            AdErr_SetString(AdExc_RuntimeError, "lost sys.stdout");
            return NULL;
        }
        if (file == Ad_None)
            Ad_RETURN_NONE;     /* sys.stdout = None: print does nothing */
#else
        use_c = 1;
#endif
    }
    if (check_sep("sep", sep) < 0 || check_sep("end", end) < 0)
        return NULL;
    if (file)
        Ad_INCREF(file);
    for (Ad_ssize_t i = 0; i < nargs; i++) {
        if (i > 0) {
            AdObject *s = sep && sep != Ad_None ? Ad_NewRef(sep) : AdStr_FromString(" ");
            int r = s ? write_str(use_c ? NULL : file, s) : -1;
            Ad_XDECREF(s);
            if (r < 0)
                goto fail;
        }
        AdObject *s = AdObject_Str(args[i]);
        int r = s ? write_str(use_c ? NULL : file, s) : -1;
        Ad_XDECREF(s);
        if (r < 0)
            goto fail;
    }
    AdObject *e = end && end != Ad_None ? Ad_NewRef(end) : AdStr_FromString("\n");
    int r = e ? write_str(use_c ? NULL : file, e) : -1;
    Ad_XDECREF(e);
    if (r < 0)
        goto fail;
    if (flush) {
        int t = AdObject_IsTrue(flush);
        if (t < 0)
            goto fail;
        if (t) {
            if (use_c)
                fflush(stdout);
            else {
                AdObject *fr = AdObject_CallMethod(file, istr("flush"), NULL, 0);
                if (!fr)
                    goto fail;
                Ad_DECREF(fr);
            }
        }
    }
    Ad_XDECREF(file);
    Ad_RETURN_NONE;
fail:
    Ad_XDECREF(file);
    return NULL;
}

/* Calls stream.flush() if stream is a real object; errors ignored when quiet. */
static int flush_stream(AdObject *stream, int quiet)
{
    if (!stream || stream == Ad_None)
        return 0;
    AdObject *r = AdObject_CallMethod(stream, istr("flush"), NULL, 0);
    if (r) {
        Ad_DECREF(r);
        return 0;
    }
    if (quiet) {
        AdErr_Clear();
        return 0;
    }
    return -1;
}

static AdObject *bi_input(AdObject *m, AdObject *const *args, Ad_ssize_t nargs)
{
    (void)m;
    if (modules_builtins_check_nargs("input", nargs, 0, 1) < 0)
        return NULL;
    AdObject *prompt = nargs ? args[0] : NULL;
#if ADDER_HAVE_SYS
    AdObject *fin = sys_object("stdin"), *fout = sys_object("stdout"), *ferr = sys_object("stderr");
    if (AdErr_Occurred())
        return NULL;
    if (!fin || fin == Ad_None)
        return AdErr_Format(AdExc_RuntimeError, "input(): lost sys.stdin");
    if (!fout || fout == Ad_None)
        return AdErr_Format(AdExc_RuntimeError, "input(): lost sys.stdout");
    flush_stream(ferr, 1);
    if (prompt) {
        AdObject *s = AdObject_Str(prompt);
        int r = s ? write_str(fout, s) : -1;
        Ad_XDECREF(s);
        if (r < 0)
            return NULL;
    }
    if (flush_stream(fout, 0) < 0)
        return NULL;
    AdObject *line = AdObject_CallMethod(fin, istr("readline"), NULL, 0);
    if (!line)
        return NULL;
    if (!AdStr_Check(line)) {
        Ad_DECREF(line);
        return AdErr_Format(AdExc_TypeError, "object.readline() returned non-string");
    }
    Ad_ssize_t n = AdStr_LENGTH(line);
    if (n == 0) {
        Ad_DECREF(line);
        AdErr_SetString(AdExc_EOFError, "EOF when reading a line");
        return NULL;
    }
    if (AdStr_READ_CHAR(line, n - 1) == '\n')
        AD_SETREF(line, AdStr_Substring(line, 0, n - 1));
    return line;
#else
    (void)flush_stream;
    if (prompt) {
        AdObject *s = AdObject_Str(prompt);
        int r = s ? write_str(NULL, s) : -1;
        Ad_XDECREF(s);
        if (r < 0)
            return NULL;
    }
    fflush(stdout);
    char *buf = NULL;
    size_t cap = 0;
    ssize_t len;
    Ad_BEGIN_ALLOW_THREADS
    len = getline(&buf, &cap, stdin);
    Ad_END_ALLOW_THREADS
    if (len <= 0) {
        free(buf);
        AdErr_SetString(AdExc_EOFError, "EOF when reading a line");
        return NULL;
    }
    if (buf[len - 1] == '\n')
        len--;
    AdObject *r = AdStr_FromStringAndSize(buf, len);
    free(buf);
    return r;
#endif
}

static AdObject *bi_breakpoint(AdObject *m, AdObject *const *args, Ad_ssize_t nargs, AdObject *kwnames)
{
    (void)m;
    AdObject *hook = sys_object("breakpointhook");
    if (!hook) {
        if (!AdErr_Occurred())
            AdErr_SetString(AdExc_RuntimeError, "lost sys.breakpointhook");
        return NULL;
    }
    Ad_INCREF(hook);
    AdObject *r = AdObject_Vectorcall(hook, args, (size_t)nargs, kwnames);
    Ad_DECREF(hook);
    return r;
}

AdMethodDef modules_builtins_io_methods[] = {
    {"print", (void (*)(void))bi_print, AD_METH_FASTCALL | AD_METH_KEYWORDS,
     "Prints the values to a stream, or to sys.stdout by default.\n\n"
     "  sep\n    string inserted between values, default a space.\n"
     "  end\n    string appended after the last value, default a newline.\n"
     "  file\n    a file-like object (stream); defaults to the current sys.stdout.\n"
     "  flush\n    whether to forcibly flush the stream."},
    {"input", (void (*)(void))bi_input, AD_METH_FASTCALL,
     "Read a string from standard input.  The trailing newline is stripped.\n\n"
     "The prompt string, if given, is printed to standard output without a\n"
     "trailing newline before reading input.\n\n"
     "If the user hits EOF (*nix: Ctrl-D, Windows: Ctrl-Z+Return), raise EOFError.\n"
     "On *nix systems, readline is used if available."},
    {"breakpoint", (void (*)(void))bi_breakpoint, AD_METH_FASTCALL | AD_METH_KEYWORDS,
     "Call sys.breakpointhook(*args, **kws).  sys.breakpointhook() must accept\n"
     "whatever arguments are passed.\n\n"
     "By default, this drops you into the pdb debugger."},
    {NULL, NULL, 0, NULL},
};
