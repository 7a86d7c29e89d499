/* exceptions.c: BaseException and the builtin hierarchy (exceptions.h):
 * construction, args, str and repr, __traceback__/__context__/__cause__/
 * __suppress_context__/__notes__, with_traceback and add_note, and the
 * attributes of the exceptions that carry more (SystemExit.code,
 * StopIteration.value, ImportError, OSError with its errno subclasses,
 * SyntaxError, AttributeError/NameError, KeyError's str). Exception groups
 * are in exc_groups.c. */
#include "objects/exceptions.h"
#include "objects/dict.h"
#include "objects/abstract.h"
#include "objects/errors.h"
#include "objects/int.h"
#include "objects/list.h"
#include "objects/str.h"
#include "objects/tuple.h"
#include "objects/traceback.h"
#include "objects/typeobject.h"
#include "memory/gc.h"

#include <errno.h>
#include <stdio.h>
#include <stddef.h>
#include <string.h>

#define BASE(o) ((AdBaseExceptionObject *)(o))

/* ---- BaseException ---------------------------------------------------- */

static AdObject *base_new(AdTypeObject *type, AdObject *args, AdObject *kwargs)
{
    (void)kwargs;
    AdBaseExceptionObject *self = (AdBaseExceptionObject *)type->tp_alloc(type, 0);
    if (!self)
        return NULL;
    self->args = args ? Ad_NewRef(args) : AdTuple_New(0);
    if (!self->args) {
        Ad_DECREF((AdObject *)self);
        return NULL;
    }
    return (AdObject *)self;
}

static int no_keywords(AdObject *self, AdObject *kwargs)
{
    if (kwargs && AdDict_GET_SIZE(kwargs)) {
        AdErr_Format(AdExc_TypeError, "%s() takes no keyword arguments", AdType_Name(AD_TYPE(self)));
        return -1;
    }
    return 0;
}

static int base_init(AdObject *self, AdObject *args, AdObject *kwargs)
{
    if (no_keywords(self, kwargs) < 0)
        return -1;
    AD_SETREF(BASE(self)->args, Ad_NewRef(args));
    return 0;
}

static int base_clear(AdObject *o)
{
    AdBaseExceptionObject *self = BASE(o);
    AD_CLEAR(self->dict);
    AD_CLEAR(self->args);
    AD_CLEAR(self->notes);
    AD_CLEAR(self->traceback);
    AD_CLEAR(self->context);
    AD_CLEAR(self->cause);
    return 0;
}

static void base_dealloc(AdObject *o)
{
    AdObject_GC_UnTrack(o);
    AD_TYPE(o)->tp_clear(o);
    AD_TYPE(o)->tp_free(o);
}

static int base_traverse(AdObject *o, visitproc visit, void *arg)
{
    AdBaseExceptionObject *self = BASE(o);
    AdObject *fields[] = {self->dict, self->args, self->notes, self->traceback, self->context, self->cause};
    for (size_t i = 0; i < sizeof fields / sizeof *fields; i++)
        if (fields[i]) {
            int rc = visit(fields[i], arg);
            if (rc)
                return rc;
        }
    return 0;
}

static AdObject *base_str(AdObject *o)
{
    AdObject *args = BASE(o)->args;
    switch (AdTuple_GET_SIZE(args)) {
    case 0:
        return AdStr_FromString("");
    case 1:
        return AdObject_Str(AdTuple_GET_ITEM(args, 0));
    default:
        return AdObject_Str(args);
    }
}

static AdObject *base_repr(AdObject *o)
{
    const char *name = AdType_ShortName(AD_TYPE(o));
    AdObject *args = BASE(o)->args;
    if (AdTuple_GET_SIZE(args) == 1)
        return AdStr_FromFormat("%s(%R)", name, AdTuple_GET_ITEM(args, 0));
    if (AdTuple_GET_SIZE(args) == 0)
        return AdStr_FromFormat("%s()", name);
    return AdStr_FromFormat("%s%R", name, args);
}

static AdObject *base_with_traceback(AdObject *self, AdObject *tb)
{
    if (AdException_SetTraceback(self, tb) < 0)
        return NULL;
    return Ad_NewRef(self);
}

static AdObject *base_add_note(AdObject *self, AdObject *note)
{
    if (!AdStr_Check(note))
        return AdErr_Format(AdExc_TypeError, "add_note() argument must be str, not %s", AdType_Name(AD_TYPE(note)));
    AdObject *name = AdStr_FromString("__notes__");
    if (!name)
        return NULL;
    AdObject *notes;
    int rc = AdObject_GetOptionalAttr(self, name, &notes);
    if (rc == 0) {
        notes = AdList_New(0);
        if (notes && AdObject_SetAttr(self, name, notes) < 0)
            AD_CLEAR(notes);
    }
    Ad_DECREF(name);
    if (!notes)
        return NULL;
    if (!AdList_Check(notes)) {
        Ad_DECREF(notes);
        return AdErr_Format(AdExc_TypeError, "Cannot add note: __notes__ is not a list");
    }
    rc = AdList_Append(notes, note);
    Ad_DECREF(notes);
    return rc < 0 ? NULL : Ad_None;
}

static AdObject *base_reduce(AdObject *self, AdObject *unused)
{
    (void)unused;
    AdBaseExceptionObject *b = BASE(self);
    if (b->dict && AdDict_GET_SIZE(b->dict))
        return AdTuple_Pack(3, (AdObject *)AD_TYPE(self), b->args, b->dict);
    return AdTuple_Pack(2, (AdObject *)AD_TYPE(self), b->args);
}

static AdMethodDef base_methods[] = {
    {"with_traceback", (void (*)(void))base_with_traceback, AD_METH_O,
     "Set self.__traceback__ to tb and return self."},
    {"add_note", (void (*)(void))base_add_note, AD_METH_O,
     "Add a note to the exception"},
    {"__reduce__", (void (*)(void))base_reduce, AD_METH_NOARGS, NULL},
    {NULL, NULL, 0, NULL},
};

static AdObject *get_args(AdObject *self, void *c) { (void)c; return Ad_NewRef(BASE(self)->args); }
static int set_args(AdObject *self, AdObject *value, void *c)
{
    (void)c;
    if (!value) {
        AdErr_SetString(AdExc_TypeError, "args may not be deleted");
        return -1;
    }
    AdObject *t = AdSequence_Tuple(value);
    if (!t)
        return -1;
    AD_SETREF(BASE(self)->args, t);
    return 0;
}

static AdObject *get_traceback(AdObject *self, void *c)
{
    (void)c;
    return Ad_NewRef(BASE(self)->traceback ? BASE(self)->traceback : Ad_None);
}
static int set_traceback(AdObject *self, AdObject *value, void *c)
{
    (void)c;
    if (!value) {
        AdErr_SetString(AdExc_TypeError, "__traceback__ may not be deleted");
        return -1;
    }
    return AdException_SetTraceback(self, value);
}

static AdObject *get_context(AdObject *self, void *c)
{
    (void)c;
    return Ad_NewRef(BASE(self)->context ? BASE(self)->context : Ad_None);
}
static int set_context(AdObject *self, AdObject *value, void *c)
{
    (void)c;
    if (!value) {
        AdErr_SetString(AdExc_TypeError, "__context__ may not be deleted");
        return -1;
    }
    if (value == Ad_None)
        value = NULL;
    else if (!AdExceptionInstance_Check(value)) {
        AdErr_SetString(AdExc_TypeError, "exception context must be None or derive from BaseException");
        return -1;
    }
    AD_XSETREF(BASE(self)->context, Ad_XNewRef(value));
    return 0;
}

static AdObject *get_cause(AdObject *self, void *c)
{
    (void)c;
    return Ad_NewRef(BASE(self)->cause ? BASE(self)->cause : Ad_None);
}
static int set_cause(AdObject *self, AdObject *value, void *c)
{
    (void)c;
    if (!value) {
        AdErr_SetString(AdExc_TypeError, "__cause__ may not be deleted");
        return -1;
    }
    if (value == Ad_None)
        value = NULL;
    else if (!AdExceptionInstance_Check(value)) {
        AdErr_SetString(AdExc_TypeError, "exception cause must be None or derive from BaseException");
        return -1;
    }
    AD_XSETREF(BASE(self)->cause, Ad_XNewRef(value));
    BASE(self)->suppress_context = 1;
    return 0;
}

static AdGetSetDef base_getset[] = {
    {"__dict__", AdObject_GenericGetDict, AdObject_GenericSetDict, NULL, NULL},
    {"args", get_args, set_args, NULL, NULL},
    {"__traceback__", get_traceback, set_traceback, NULL, NULL},
    {"__context__", get_context, set_context, "exception context", NULL},
    {"__cause__", get_cause, set_cause, "exception cause", NULL},
    {NULL, NULL, NULL, NULL, NULL},
};

static AdMemberDef base_members[] = {
    {"__suppress_context__", AD_T_BOOL, offsetof(AdBaseExceptionObject, suppress_context), 0, NULL},
    {NULL, 0, 0, 0, NULL},
};

AdObject *AdException_GetTraceback(AdObject *exc) { return BASE(exc)->traceback; }
int AdException_SetTraceback(AdObject *exc, AdObject *tb)
{
    if (tb == Ad_None)
        tb = NULL;
    else if (!AdTraceback_Check(tb)) {
        AdErr_SetString(AdExc_TypeError, "__traceback__ must be a traceback or None");
        return -1;
    }
    AD_XSETREF(BASE(exc)->traceback, Ad_XNewRef(tb));
    return 0;
}
AdObject *AdException_GetContext(AdObject *exc) { return BASE(exc)->context; }
void AdException_SetContext(AdObject *exc, AdObject *ctx) { AD_XSETREF(BASE(exc)->context, ctx); }
AdObject *AdException_GetCause(AdObject *exc) { return BASE(exc)->cause; }
void AdException_SetCause(AdObject *exc, AdObject *cause)
{
    BASE(exc)->suppress_context = 1;
    AD_XSETREF(BASE(exc)->cause, cause);
}
AdObject *AdException_GetArgs(AdObject *exc) { return BASE(exc)->args; }

/* ---- exceptions with more state --------------------------------------- */

typedef struct { AdBaseExceptionObject base; AdObject *code; } SystemExitObject;
typedef struct { AdBaseExceptionObject base; AdObject *value; } StopIterationObject;
typedef struct { AdBaseExceptionObject base; AdObject *name, *obj; } NameAttrErrorObject;
typedef struct { AdBaseExceptionObject base; AdObject *msg, *name, *path, *name_from; } ImportErrorObject;
typedef struct {
    AdBaseExceptionObject base;
    AdObject *myerrno, *strerror, *filename, *filename2;
    Ad_ssize_t written;
} OSErrorObject;
typedef struct {
    AdBaseExceptionObject base;
    AdObject *msg, *filename, *lineno, *offset, *text, *end_lineno, *end_offset;
    AdObject *print_file_and_line, *metadata;
} SyntaxErrorObject;
typedef struct {
    AdBaseExceptionObject base;
    AdObject *encoding, *object, *reason;
    Ad_ssize_t start, end;
} UnicodeErrorObject;

/* Extra fields are all object pointers right after the base (written,
 * start and end aside): one traverse/clear serves them all. */
static Ad_ssize_t extra_fields(AdTypeObject *t)
{
    while (t && t->tp_basicsize == sizeof(AdBaseExceptionObject) && t != &AdExcType_BaseException)
        t = t->tp_base;
    if (!t)
        return 0;
    Ad_ssize_t n = (t->tp_basicsize - (Ad_ssize_t)sizeof(AdBaseExceptionObject)) / (Ad_ssize_t)sizeof(AdObject *);
    if (AdType_IsSubtype(t, &AdExcType_OSError))
        n = 4;
    else if (AdType_IsSubtype(t, &AdExcType_UnicodeError))
        n = 3;
    return n;
}

static AdObject **extras(AdObject *o) { return (AdObject **)(BASE(o) + 1); }

static int extra_clear(AdObject *o)
{
    Ad_ssize_t n = extra_fields(AD_TYPE(o));
    for (Ad_ssize_t i = 0; i < n; i++)
        AD_CLEAR(extras(o)[i]);
    return base_clear(o);
}

static int extra_traverse(AdObject *o, visitproc visit, void *arg)
{
    Ad_ssize_t n = extra_fields(AD_TYPE(o));
    for (Ad_ssize_t i = 0; i < n; i++)
        if (extras(o)[i]) {
            int rc = visit(extras(o)[i], arg);
            if (rc)
                return rc;
        }
    return base_traverse(o, visit, arg);
}

/* SystemExit.code: None, the single argument, or the args tuple. */
static int systemexit_init(AdObject *self, AdObject *args, AdObject *kwargs)
{
    if (base_init(self, args, kwargs) < 0)
        return -1;
    Ad_ssize_t n = AdTuple_GET_SIZE(args);
    AdObject *code = n == 0 ? Ad_None : n == 1 ? AdTuple_GET_ITEM(args, 0) : args;
    AD_XSETREF(((SystemExitObject *)self)->code, Ad_NewRef(code));
    return 0;
}

static int stopiteration_init(AdObject *self, AdObject *args, AdObject *kwargs)
{
    if (base_init(self, args, kwargs) < 0)
        return -1;
    AdObject *v = AdTuple_GET_SIZE(args) ? AdTuple_GET_ITEM(args, 0) : Ad_None;
    AD_XSETREF(((StopIterationObject *)self)->value, Ad_NewRef(v));
    return 0;
}

/* Pops keyword arguments named in names[] into slots; others are an error. */
static int take_keywords(AdObject *self, AdObject *kwargs, const char *const *names, AdObject **slots)
{
    if (!kwargs)
        return 0;
    Ad_ssize_t pos = 0;
    AdObject *key, *value;
    while (AdDict_Next(kwargs, &pos, &key, &value)) {
        int found = 0;
        for (int i = 0; names[i]; i++) {
            if (AdStr_EqualToASCII(key, names[i])) {
                AD_XSETREF(slots[i], Ad_NewRef(value));
                found = 1;
                break;
            }
        }
        if (!found) {
            AdErr_Format(AdExc_TypeError, "%s() got an unexpected keyword argument '%U'",
                         AdType_Name(AD_TYPE(self)), key);
            return -1;
        }
    }
    return 0;
}

static int nameattr_init(AdObject *self, AdObject *args, AdObject *kwargs)
{
    AD_SETREF(BASE(self)->args, Ad_NewRef(args));
    NameAttrErrorObject *e = (NameAttrErrorObject *)self;
    static const char *const attr_names[] = {"name", "obj", NULL};
    static const char *const name_names[] = {"name", NULL};
    int is_attr = AdType_IsSubtype(AD_TYPE(self), &AdExcType_AttributeError);
    return take_keywords(self, kwargs, is_attr ? attr_names : name_names, &e->name);
}

static int importerror_init(AdObject *self, AdObject *args, AdObject *kwargs)
{
    AD_SETREF(BASE(self)->args, Ad_NewRef(args));
    ImportErrorObject *e = (ImportErrorObject *)self;
    static const char *const names[] = {"name", "path", "name_from", NULL};
    if (take_keywords(self, kwargs, names, &e->name) < 0)
        return -1;
    AD_XSETREF(e->msg, AdTuple_GET_SIZE(args) == 1 ? Ad_NewRef(AdTuple_GET_ITEM(args, 0)) : NULL);
    return 0;
}

static AdObject *importerror_str(AdObject *self)
{
    ImportErrorObject *e = (ImportErrorObject *)self;
    if (e->msg && AdStr_Check(e->msg))
        return Ad_NewRef(e->msg);
    return base_str(self);
}

static AdObject *keyerror_str(AdObject *self)
{
    AdObject *args = BASE(self)->args;
    if (AdTuple_GET_SIZE(args) == 1)
        return AdObject_Repr(AdTuple_GET_ITEM(args, 0));
    return base_str(self);
}

/* ---- OSError ------------------------------------------------------------- */

static const struct { int err; AdTypeObject *type; } errno_map[] = {
    {EAGAIN, &AdExcType_BlockingIOError}, {EALREADY, &AdExcType_BlockingIOError},
    {EINPROGRESS, &AdExcType_BlockingIOError}, {EWOULDBLOCK, &AdExcType_BlockingIOError},
    {EPIPE, &AdExcType_BrokenPipeError}, {ESHUTDOWN, &AdExcType_BrokenPipeError},
    {ECHILD, &AdExcType_ChildProcessError}, {ECONNABORTED, &AdExcType_ConnectionAbortedError},
    {ECONNREFUSED, &AdExcType_ConnectionRefusedError}, {ECONNRESET, &AdExcType_ConnectionResetError},
    {EEXIST, &AdExcType_FileExistsError}, {ENOENT, &AdExcType_FileNotFoundError},
    {EISDIR, &AdExcType_IsADirectoryError}, {ENOTDIR, &AdExcType_NotADirectoryError},
    {EINTR, &AdExcType_InterruptedError}, {EACCES, &AdExcType_PermissionError},
    {EPERM, &AdExcType_PermissionError},
    {ESRCH, &AdExcType_ProcessLookupError}, {ETIMEDOUT, &AdExcType_TimeoutError},
};

AdObject *AdExc_OSErrorForErrno(int err)
{
    for (size_t i = 0; i < sizeof errno_map / sizeof *errno_map; i++)
        if (errno_map[i].type && errno_map[i].err == err)
            return (AdObject *)errno_map[i].type;
    return AdExc_OSError;
}

/* OSError(errno, strerror, ...) constructed directly as OSError picks the
 * subclass for the errno. */
static AdObject *oserror_new(AdTypeObject *type, AdObject *args, AdObject *kwargs)
{
    if (type == &AdExcType_OSError && args && AdTuple_GET_SIZE(args) >= 2 &&
        AdTuple_GET_SIZE(args) <= 5 && AdInt_Check(AdTuple_GET_ITEM(args, 0))) {
        int64_t err = AdInt_AsInt64(AdTuple_GET_ITEM(args, 0));
        if (err == -1 && AdErr_Occurred())
            AdErr_Clear();
        else
            type = (AdTypeObject *)AdExc_OSErrorForErrno((int)err);
    }
    AdObject *self = base_new(type, args, kwargs);
    if (self)
        ((OSErrorObject *)self)->written = -1;     /* no characters_written yet */
    return self;
}

/* BlockingIOError's characters_written: an int, absent (AttributeError) until set. */
static AdObject *oserror_get_written(AdObject *self, void *c)
{
    (void)c;
    Ad_ssize_t w = ((OSErrorObject *)self)->written;
    if (w == -1)
        return AdErr_Format(AdExc_AttributeError, "characters_written");
    return AdInt_FromSsize_t(w);
}

static int oserror_set_written(AdObject *self, AdObject *value, void *c)
{
    (void)c;
    OSErrorObject *e = (OSErrorObject *)self;
    if (!value) {
        if (e->written == -1) {
            AdErr_Format(AdExc_AttributeError, "characters_written");
            return -1;
        }
        e->written = -1;
        return 0;
    }
    Ad_ssize_t w = AdNumber_AsSsize_t(value, AdExc_ValueError);
    if (w == -1 && AdErr_Occurred())
        return -1;
    e->written = w;
    return 0;
}

static AdGetSetDef oserror_getset[] = {
    {"characters_written", oserror_get_written, oserror_set_written, NULL, NULL},
    {NULL, NULL, NULL, NULL, NULL},
};

static int oserror_init(AdObject *self, AdObject *args, AdObject *kwargs)
{
    if (no_keywords(self, kwargs) < 0)
        return -1;
    OSErrorObject *e = (OSErrorObject *)self;
    Ad_ssize_t n = AdTuple_GET_SIZE(args);
    AD_SETREF(BASE(self)->args, Ad_NewRef(args));
    if (n >= 2 && n <= 5) {
        AD_XSETREF(e->myerrno, Ad_NewRef(AdTuple_GET_ITEM(args, 0)));
        AD_XSETREF(e->strerror, Ad_NewRef(AdTuple_GET_ITEM(args, 1)));
        if (n >= 3) {
            AdObject *f = AdTuple_GET_ITEM(args, 2);
            if (AdType_IsSubtype(AD_TYPE(self), &AdExcType_BlockingIOError) && AdInt_Check(f)) {
                e->written = AdInt_AsSsize_t(f);
                if (e->written == -1 && AdErr_Occurred())
                    return -1;
            }
            else {
                AD_XSETREF(e->filename, Ad_NewRef(f));
                if (n == 5)
                    AD_XSETREF(e->filename2, Ad_NewRef(AdTuple_GET_ITEM(args, 4)));
                /* args keeps only (errno, strerror) when a filename is given */
                AdObject *two = AdTuple_GetSlice(args, 0, 2);
                if (!two)
                    return -1;
                AD_SETREF(BASE(self)->args, two);
            }
        }
    }
    return 0;
}

static AdObject *oserror_str(AdObject *self)
{
    OSErrorObject *e = (OSErrorObject *)self;
    if (e->filename && e->filename != Ad_None) {
        if (e->filename2 && e->filename2 != Ad_None)
            return AdStr_FromFormat("[Errno %S] %S: %R -> %R", e->myerrno, e->strerror,
                                    e->filename, e->filename2);
        return AdStr_FromFormat("[Errno %S] %S: %R", e->myerrno, e->strerror, e->filename);
    }
    if (e->myerrno && e->strerror)
        return AdStr_FromFormat("[Errno %S] %S", e->myerrno, e->strerror);
    return base_str(self);
}

/* ---- SyntaxError ---------------------------------------------------------- */

static int syntaxerror_init(AdObject *self, AdObject *args, AdObject *kwargs)
{
    if (no_keywords(self, kwargs) < 0)
        return -1;
    SyntaxErrorObject *e = (SyntaxErrorObject *)self;
    Ad_ssize_t n = AdTuple_GET_SIZE(args);
    AD_SETREF(BASE(self)->args, Ad_NewRef(args));
    if (n >= 1)
        AD_XSETREF(e->msg, Ad_NewRef(AdTuple_GET_ITEM(args, 0)));
    if (n == 2) {
        AdObject *info = AdSequence_Tuple(AdTuple_GET_ITEM(args, 1));
        if (!info)
            return -1;
        Ad_ssize_t k = AdTuple_GET_SIZE(info);
        if (k < 4 || k > 6) {
            Ad_DECREF(info);
            AdErr_SetString(AdExc_IndexError, "tuple index out of range");
            return -1;
        }
        AdObject **dst[] = {&e->filename, &e->lineno, &e->offset, &e->text, &e->end_lineno, &e->end_offset};
        for (Ad_ssize_t i = 0; i < k; i++)
            AD_XSETREF(*dst[i], Ad_NewRef(AdTuple_GET_ITEM(info, i)));
        Ad_DECREF(info);
    }
    return 0;
}

static AdObject *syntaxerror_str(AdObject *self)
{
    SyntaxErrorObject *e = (SyntaxErrorObject *)self;
    AdObject *msg = e->msg ? e->msg : Ad_None;
    int have_file = e->filename && AdStr_Check(e->filename);
    int have_line = e->lineno && AdInt_Check(e->lineno);
    AdObject *base = NULL;
    if (have_file) {
        /* only the file's last path component, as CPython prints it */
        const char *f = AdStr_AsUTF8(e->filename);
        if (!f)
            return NULL;
        const char *slash = strrchr(f, '/');
        base = AdStr_FromString(slash ? slash + 1 : f);
        if (!base)
            return NULL;
    }
    AdObject *r;
    if (have_file && have_line)
        r = AdStr_FromFormat("%S (%U, line %S)", msg, base, e->lineno);
    else if (have_file)
        r = AdStr_FromFormat("%S (%U)", msg, base);
    else if (have_line)
        r = AdStr_FromFormat("%S (line %S)", msg, e->lineno);
    else
        r = AdObject_Str(msg);
    Ad_XDECREF(base);
    return r;
}

/* ---- UnicodeError and its three kinds --------------------------------------- */

static int unicode_error_init(AdObject *self, AdObject *args, AdObject *kwds, int kind)
{
    if (no_keywords(self, kwds) < 0)
        return -1;
    UnicodeErrorObject *e = (UnicodeErrorObject *)self;
    AD_SETREF(BASE(self)->args, Ad_NewRef(args));
    Ad_ssize_t want = kind == 2 ? 4 : 5, n = AdTuple_GET_SIZE(args);
    if (n != want) {
        AdErr_Format(AdExc_TypeError, "function takes exactly %zd arguments (%zd given)", want, n);
        return -1;
    }
    Ad_ssize_t i = 0;
    AdObject *encoding = kind == 2 ? NULL : AdTuple_GET_ITEM(args, i++);
    AdObject *object = AdTuple_GET_ITEM(args, i++);
    AdObject *start = AdTuple_GET_ITEM(args, i++), *end = AdTuple_GET_ITEM(args, i++);
    AdObject *reason = AdTuple_GET_ITEM(args, i);
    if (encoding && !AdStr_Check(encoding)) {
        AdErr_Format(AdExc_TypeError, "argument 1 must be str, not %s", AdType_Name(AD_TYPE(encoding)));
        return -1;
    }
    if (kind != 0 && !AdStr_Check(object)) {
        AdErr_Format(AdExc_TypeError, "argument %d must be str, not %s", kind == 2 ? 1 : 2,
                     AdType_Name(AD_TYPE(object)));
        return -1;
    }
    if (!AdStr_Check(reason)) {
        AdErr_Format(AdExc_TypeError, "argument %zd must be str, not %s", want, AdType_Name(AD_TYPE(reason)));
        return -1;
    }
    Ad_ssize_t s0 = AdNumber_AsSsize_t(start, NULL), s1;
    if (s0 == -1 && AdErr_Occurred())
        return -1;
    s1 = AdNumber_AsSsize_t(end, NULL);
    if (s1 == -1 && AdErr_Occurred())
        return -1;
    AD_XSETREF(e->encoding, Ad_XNewRef(encoding));
    AD_XSETREF(e->object, Ad_NewRef(object));
    AD_XSETREF(e->reason, Ad_NewRef(reason));
    e->start = s0;
    e->end = s1;
    return 0;
}

static int unicode_decode_init(AdObject *self, AdObject *args, AdObject *kwds) { return unicode_error_init(self, args, kwds, 0); }
static int unicode_encode_init(AdObject *self, AdObject *args, AdObject *kwds) { return unicode_error_init(self, args, kwds, 1); }
static int unicode_translate_init(AdObject *self, AdObject *args, AdObject *kwds) { return unicode_error_init(self, args, kwds, 2); }

/* The character at start, escaped as CPython shows it. */
static AdObject *unicode_error_str(AdObject *self, const char *verb)
{
    UnicodeErrorObject *e = (UnicodeErrorObject *)self;
    if (!e->object || !e->reason)
        return AdStr_FromString("");
    Ad_ssize_t len = AdStr_Check(e->object) ? AdStr_LENGTH(e->object) : AdObject_Size(e->object);
    if (len < 0)
        return NULL;
    AdObject *enc = e->encoding ? AdObject_Str(e->encoding) : NULL;
    if (e->encoding && !enc)
        return NULL;
    AdObject *r;
    int single = e->start >= 0 && e->start < len && e->end == e->start + 1;
    if (single && AdStr_Check(e->object)) {
        uint32_t ch = AdStr_READ_CHAR(e->object, e->start);
        const char *fmt = ch <= 0xff ? "\\x%02x" : ch <= 0xffff ? "\\u%04x" : "\\U%08x";
        char esc[16];
        snprintf(esc, sizeof esc, fmt, ch);
        if (enc)
            r = AdStr_FromFormat("'%U' codec can't %s character '%s' in position %zd: %U", enc, verb, esc,
                                 e->start, e->reason);
        else
            r = AdStr_FromFormat("can't %s character '%s' in position %zd: %U", verb, esc, e->start, e->reason);
    }
    else if (single) {
        AdObject *idx = AdInt_FromSsize_t(e->start);
        AdObject *byte = idx ? AdObject_GetItem(e->object, idx) : NULL;
        Ad_XDECREF(idx);
        int64_t b = byte ? AdInt_AsInt64(byte) : -1;
        Ad_XDECREF(byte);
        if (b < 0)
            return NULL;
        r = AdStr_FromFormat("'%U' codec can't %s byte 0x%02x in position %zd: %U", enc, verb, (int)b,
                             e->start, e->reason);
    }
    else if (enc)
        r = AdStr_FromFormat("'%U' codec can't %s %s in position %zd-%zd: %U", enc, verb,
                             AdStr_Check(e->object) ? "characters" : "bytes", e->start, e->end - 1, e->reason);
    else
        r = AdStr_FromFormat("can't %s characters in position %zd-%zd: %U", verb, e->start, e->end - 1, e->reason);
    Ad_XDECREF(enc);
    return r;
}

static AdObject *unicode_decode_str(AdObject *self) { return unicode_error_str(self, "decode"); }
static AdObject *unicode_encode_str(AdObject *self) { return unicode_error_str(self, "encode"); }
static AdObject *unicode_translate_str(AdObject *self) { return unicode_error_str(self, "translate"); }

static AdMemberDef unicode_error_members[] = {
    {"encoding", AD_T_OBJECT, offsetof(UnicodeErrorObject, encoding), 0, "exception encoding"},
    {"object", AD_T_OBJECT, offsetof(UnicodeErrorObject, object), 0, "exception object"},
    {"start", AD_T_SSIZE, offsetof(UnicodeErrorObject, start), 0, "exception start"},
    {"end", AD_T_SSIZE, offsetof(UnicodeErrorObject, end), 0, "exception end"},
    {"reason", AD_T_OBJECT, offsetof(UnicodeErrorObject, reason), 0, "exception reason"},
    {NULL, 0, 0, 0, NULL}};

/* ---- the type table ---------------------------------------------------------- */

static AdMemberDef systemexit_members[] = {
    {"code", AD_T_OBJECT, offsetof(SystemExitObject, code), 0, "exception code"}, {NULL, 0, 0, 0, NULL}};
static AdMemberDef stopiteration_members[] = {
    {"value", AD_T_OBJECT, offsetof(StopIterationObject, value), 0, "generator return value"}, {NULL, 0, 0, 0, NULL}};
static AdMemberDef attributeerror_members[] = {
    {"name", AD_T_OBJECT, offsetof(NameAttrErrorObject, name), 0, "attribute name"},
    {"obj", AD_T_OBJECT, offsetof(NameAttrErrorObject, obj), 0, "object"}, {NULL, 0, 0, 0, NULL}};
static AdMemberDef nameerror_members[] = {
    {"name", AD_T_OBJECT, offsetof(NameAttrErrorObject, name), 0, "name"}, {NULL, 0, 0, 0, NULL}};
static AdMemberDef importerror_members[] = {
    {"msg", AD_T_OBJECT, offsetof(ImportErrorObject, msg), 0, "exception message"},
    {"name", AD_T_OBJECT, offsetof(ImportErrorObject, name), 0, "module name"},
    {"path", AD_T_OBJECT, offsetof(ImportErrorObject, path), 0, "module path"},
    {"name_from", AD_T_OBJECT, offsetof(ImportErrorObject, name_from), 0, "name imported from module"},
    {NULL, 0, 0, 0, NULL}};
static AdMemberDef oserror_members[] = {
    {"errno", AD_T_OBJECT, offsetof(OSErrorObject, myerrno), 0, "POSIX exception code"},
    {"strerror", AD_T_OBJECT, offsetof(OSErrorObject, strerror), 0, "exception strerror"},
    {"filename", AD_T_OBJECT, offsetof(OSErrorObject, filename), 0, "exception filename"},
    {"filename2", AD_T_OBJECT, offsetof(OSErrorObject, filename2), 0, "second exception filename"},
    {NULL, 0, 0, 0, NULL}};
static AdMemberDef syntaxerror_members[] = {
    {"msg", AD_T_OBJECT, offsetof(SyntaxErrorObject, msg), 0, "exception msg"},
    {"filename", AD_T_OBJECT, offsetof(SyntaxErrorObject, filename), 0, "exception filename"},
    {"lineno", AD_T_OBJECT, offsetof(SyntaxErrorObject, lineno), 0, "exception lineno"},
    {"offset", AD_T_OBJECT, offsetof(SyntaxErrorObject, offset), 0, "exception offset"},
    {"text", AD_T_OBJECT, offsetof(SyntaxErrorObject, text), 0, "exception text"},
    {"end_lineno", AD_T_OBJECT, offsetof(SyntaxErrorObject, end_lineno), 0, "exception end lineno"},
    {"end_offset", AD_T_OBJECT, offsetof(SyntaxErrorObject, end_offset), 0, "exception end offset"},
    {"print_file_and_line", AD_T_OBJECT, offsetof(SyntaxErrorObject, print_file_and_line), 0, "exception print_file_and_line"},
    {"_metadata", AD_T_OBJECT, offsetof(SyntaxErrorObject, metadata), 0, "exception private metadata"},
    {NULL, 0, 0, 0, NULL}};

#define EXC_FLAGS (AD_TPFLAGS_BASETYPE | AD_TPFLAGS_HAVE_GC | AD_TPFLAGS_BASE_EXC_SUBCLASS)

#define EXC_TYPE(NAME, BASE_, DOC, SIZE, EXTRA...) \
    AdTypeObject AdExcType_##NAME = { \
        .ob_base = AD_STATIC_VAR_INIT(&AdType_Type, 0), \
        .tp_name = #NAME, .tp_basicsize = SIZE, \
        .tp_dealloc = base_dealloc, .tp_flags = EXC_FLAGS, .tp_doc = DOC, \
        .tp_traverse = extra_traverse, .tp_clear = extra_clear, \
        .tp_base = BASE_, .tp_dictoffset = offsetof(AdBaseExceptionObject, dict), \
        EXTRA };

/* Simple subclasses inherit their base's layout (tp_basicsize 0). */
#define SIMPLE(NAME, BASE_, DOC) EXC_TYPE(NAME, &AdExcType_##BASE_, DOC, 0)

AdTypeObject AdExcType_BaseException = {
    .ob_base = AD_STATIC_VAR_INIT(&AdType_Type, 0),
    .tp_name = "BaseException",
    .tp_basicsize = sizeof(AdBaseExceptionObject),
    .tp_dealloc = base_dealloc,
    .tp_repr = base_repr,
    .tp_str = base_str,
    .tp_getattro = AdObject_GenericGetAttr,
    .tp_setattro = AdObject_GenericSetAttr,
    .tp_flags = EXC_FLAGS,
    .tp_doc = "Common base class for all exceptions",
    .tp_traverse = base_traverse,
    .tp_clear = base_clear,
    .tp_methods = base_methods,
    .tp_members = base_members,
    .tp_getset = base_getset,
    .tp_dictoffset = offsetof(AdBaseExceptionObject, dict),
    .tp_init = base_init,
    .tp_alloc = AdType_GenericAlloc,
    .tp_new = base_new,
    .tp_free = AdObject_GC_Del,
};

SIMPLE(Exception, BaseException, "Common base class for all non-exit exceptions.")
SIMPLE(GeneratorExit, BaseException, "Request that a generator exit.")
SIMPLE(KeyboardInterrupt, BaseException, "Program interrupted by user.")
EXC_TYPE(SystemExit, &AdExcType_BaseException, "Request to exit from the interpreter.",
         sizeof(SystemExitObject), .tp_init = systemexit_init, .tp_members = systemexit_members)
SIMPLE(ArithmeticError, Exception, "Base class for arithmetic errors.")
SIMPLE(FloatingPointError, ArithmeticError, "Floating-point operation failed.")
SIMPLE(OverflowError, ArithmeticError, "Result too large to be represented.")
SIMPLE(ZeroDivisionError, ArithmeticError, "Second argument to a division or modulo operation was zero.")
SIMPLE(AssertionError, Exception, "Assertion failed.")
EXC_TYPE(AttributeError, &AdExcType_Exception, "Attribute not found.",
         sizeof(NameAttrErrorObject), .tp_init = nameattr_init, .tp_members = attributeerror_members)
SIMPLE(BufferError, Exception, "Buffer error.")
SIMPLE(EOFError, Exception, "Read beyond end of file.")
EXC_TYPE(ImportError, &AdExcType_Exception, "Import can't find module, or can't find name in module.",
         sizeof(ImportErrorObject), .tp_init = importerror_init, .tp_str = importerror_str,
         .tp_members = importerror_members)
SIMPLE(ModuleNotFoundError, ImportError, "Module not found.")
SIMPLE(LookupError, Exception, "Base class for lookup errors.")
SIMPLE(IndexError, LookupError, "Sequence index out of range.")
EXC_TYPE(KeyError, &AdExcType_LookupError, "Mapping key not found.",
         sizeof(AdBaseExceptionObject), .tp_str = keyerror_str)
SIMPLE(MemoryError, Exception, "Out of memory.")
EXC_TYPE(NameError, &AdExcType_Exception, "Name not found globally.",
         sizeof(NameAttrErrorObject), .tp_init = nameattr_init, .tp_members = nameerror_members)
SIMPLE(UnboundLocalError, NameError, "Local name referenced but not bound to a value.")
EXC_TYPE(OSError, &AdExcType_Exception, "Base class for I/O related errors.",
         sizeof(OSErrorObject), .tp_new = oserror_new, .tp_init = oserror_init,
         .tp_str = oserror_str, .tp_members = oserror_members, .tp_getset = oserror_getset)
SIMPLE(BlockingIOError, OSError, "I/O operation would block.")
SIMPLE(ChildProcessError, OSError, "Child process error.")
SIMPLE(ConnectionError, OSError, "Connection error.")
SIMPLE(BrokenPipeError, ConnectionError, "Broken pipe.")
SIMPLE(ConnectionAbortedError, ConnectionError, "Connection aborted.")
SIMPLE(ConnectionRefusedError, ConnectionError, "Connection refused.")
SIMPLE(ConnectionResetError, ConnectionError, "Connection reset.")
SIMPLE(FileExistsError, OSError, "File already exists.")
SIMPLE(FileNotFoundError, OSError, "File not found.")
SIMPLE(InterruptedError, OSError, "Interrupted by signal.")
SIMPLE(IsADirectoryError, OSError, "Operation doesn't work on directories.")
SIMPLE(NotADirectoryError, OSError, "Operation only works on directories.")
SIMPLE(PermissionError, OSError, "Not enough permissions.")
SIMPLE(ProcessLookupError, OSError, "Process not found.")
SIMPLE(TimeoutError, OSError, "Timeout expired.")
SIMPLE(ReferenceError, Exception, "Weak ref proxy used after referent went away.")
SIMPLE(RuntimeError, Exception, "Unspecified run-time error.")
SIMPLE(NotImplementedError, RuntimeError, "Method or function hasn't been implemented yet.")
SIMPLE(PythonFinalizationError, RuntimeError, "Operation blocked during Python finalization.")
SIMPLE(RecursionError, RuntimeError, "Recursion limit exceeded.")
SIMPLE(StopAsyncIteration, Exception, "Signal the end from iterator.__anext__().")
EXC_TYPE(StopIteration, &AdExcType_Exception, "Signal the end from iterator.__next__().",
         sizeof(StopIterationObject), .tp_init = stopiteration_init, .tp_members = stopiteration_members)
EXC_TYPE(SyntaxError, &AdExcType_Exception, "Invalid syntax.",
         sizeof(SyntaxErrorObject), .tp_init = syntaxerror_init, .tp_str = syntaxerror_str,
         .tp_members = syntaxerror_members)
SIMPLE(IndentationError, SyntaxError, "Improper indentation.")
SIMPLE(TabError, IndentationError, "Improper mixture of spaces and tabs.")
SIMPLE(_IncompleteInputError, SyntaxError, "incomplete input.")
SIMPLE(SystemError, Exception, "Internal error in the Python interpreter.\n\n"
       "Please report this to the Python maintainer, along with the traceback,\n"
       "the Python version, and the hardware/OS platform and version.")
SIMPLE(TypeError, Exception, "Inappropriate argument type.")
SIMPLE(ValueError, Exception, "Inappropriate argument value (of correct type).")
EXC_TYPE(UnicodeError, &AdExcType_ValueError, "Unicode related error.", sizeof(UnicodeErrorObject))
EXC_TYPE(UnicodeDecodeError, &AdExcType_UnicodeError, "Unicode decoding error.", 0,
         .tp_init = unicode_decode_init, .tp_str = unicode_decode_str, .tp_members = unicode_error_members)
EXC_TYPE(UnicodeEncodeError, &AdExcType_UnicodeError, "Unicode encoding error.", 0,
         .tp_init = unicode_encode_init, .tp_str = unicode_encode_str, .tp_members = unicode_error_members)
EXC_TYPE(UnicodeTranslateError, &AdExcType_UnicodeError, "Unicode translation error.", 0,
         .tp_init = unicode_translate_init, .tp_str = unicode_translate_str, .tp_members = unicode_error_members)
SIMPLE(Warning, Exception, "Base class for warning categories.")
SIMPLE(BytesWarning, Warning, "Base class for warnings about bytes and buffer related problems, mostly\n"
       "related to conversion from str or comparing to str.")
SIMPLE(DeprecationWarning, Warning, "Base class for warnings about deprecated features.")
SIMPLE(EncodingWarning, Warning, "Base class for warnings about encodings.")
SIMPLE(FutureWarning, Warning, "Base class for warnings about constructs that will change semantically\n"
       "in the future.")
SIMPLE(ImportWarning, Warning, "Base class for warnings about probable mistakes in module imports")
SIMPLE(PendingDeprecationWarning, Warning, "Base class for warnings about features which will be deprecated\n"
       "in the future.")
SIMPLE(ResourceWarning, Warning, "Base class for warnings about resource usage.")
SIMPLE(RuntimeWarning, Warning, "Base class for warnings about dubious runtime behavior.")
SIMPLE(SyntaxWarning, Warning, "Base class for warnings about dubious syntax.")
SIMPLE(UnicodeWarning, Warning, "Base class for warnings about Unicode related problems, mostly\n"
       "related to conversion problems.")
SIMPLE(UserWarning, Warning, "Base class for warnings generated by user code.")

int ad_exc_groups_prepare(void);

int ad_exceptions_init(void)
{
    if (ad_exc_groups_prepare() < 0)
        return -1;
#define READY(name) if (AdType_Ready(&AdExcType_##name) < 0) return -1;
    AD_EXC_TYPES(READY)
#undef READY
    return 0;
}
