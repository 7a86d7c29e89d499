/* sys_funcs.c: the functions of the sys module (3.14 names, signatures
 * and messages): hooks (displayhook, excepthook, unraisablehook,
 * breakpointhook, audit/addaudithook), exceptions (exc_info, exception,
 * exit), limits (recursion, int digits), introspection (getrefcount,
 * getsizeof, intern, _getframe), tracing and encodings. */
#include "vm/ceval.h"
#include "vm/frame.h"
#include <stdlib.h>
#include <string.h>

#include "modules/sys_internal.h"
#include "modules/io.h"
#include "memory/alloc.h"
#include "memory/gc.h"
#include "objects/abstract.h"
#include "objects/bytes.h"
#include "objects/dict.h"
#include "objects/errors.h"
#include "objects/exceptions.h"
#include "objects/float.h"
#include "objects/int.h"
#include "objects/list.h"
#include "objects/str.h"
#include "objects/structseq.h"
#include "objects/tuple.h"
#include "objects/typeobject.h"
#include "runtime/lifecycle.h"
#include "runtime/runtime.h"
#include "runtime/gil.h"

/* ---- printing exceptions ---------------------------------------------------------- */

/* "module.Qualname" unless the module is builtins or __main__. */
static AdObject *exc_type_name(AdTypeObject *type)
{
    AdObject *qual = AdObject_GetAttrString((AdObject *)type, "__qualname__");
    if (!qual)
        return NULL;
    AdObject *mod = AdObject_GetAttrString((AdObject *)type, "__module__");
    if (!mod) {
        AdErr_Clear();
        return qual;
    }
    AdObject *r;
    if (!AdStr_Check(mod) || AdStr_EqualToASCII(mod, "builtins") || AdStr_EqualToASCII(mod, "__main__"))
        r = Ad_NewRef(qual);
    else
        r = AdStr_FromFormat("%U.%U", mod, qual);
    Ad_DECREF(mod);
    Ad_DECREF(qual);
    return r;
}

static int write_str(AdObject *file, AdObject *s)
{
    return AdIO_WriteObject(file, s);
}

int AdSys_DisplayException(AdObject *exc, AdObject *file)
{
    if (!file) {
        file = AdSys_GetObject("stderr");
        if (!file || file == Ad_None) {
            AdErr_SetString(AdExc_RuntimeError, "lost sys.stderr");
            return -1;
        }
    }
    if (AdSys_PrintExceptionHook)
        return AdSys_PrintExceptionHook(exc, file);
    if (!AdExceptionInstance_Check(exc)) {
        AdObject *r = AdObject_Str(exc);
        if (!r)
            return -1;
        int rc = write_str(file, r);
        Ad_DECREF(r);
        return rc < 0 ? -1 : AdIO_WriteString(file, "\n");
    }
    /* The last line of CPython's report: "Type: message" or "Type". */
    AdObject *name = exc_type_name(AD_TYPE(exc));
    if (!name)
        return -1;
    AdObject *msg = AdObject_Str(exc);
    if (!msg) {
        AdErr_Clear();
        msg = AdStr_FromString("<exception str() failed>");
    }
    AdObject *line = msg && AdStr_LENGTH(msg) > 0 ? AdStr_FromFormat("%U: %U\n", name, msg)
                                                   : AdStr_FromFormat("%U\n", name);
    Ad_DECREF(name);
    Ad_XDECREF(msg);
    if (!line)
        return -1;
    int rc = write_str(file, line);
    Ad_DECREF(line);
    if (rc < 0)
        return -1;
    /* __notes__, one per line. */
    AdObject *notes = AdObject_GetAttrString(exc, "__notes__");
    if (!notes) {
        AdErr_Clear();
        return 0;
    }
    if (AdList_Check(notes) || AdTuple_Check(notes)) {
        Ad_ssize_t n = AdObject_Size(notes);
        for (Ad_ssize_t i = 0; i < n && rc == 0; i++) {
            AdObject *idx = AdInt_FromSsize_t(i);
            AdObject *note = idx ? AdObject_GetItem(notes, idx) : NULL;
            Ad_XDECREF(idx);
            AdObject *s = note ? (AdStr_Check(note) ? Ad_NewRef(note) : AdObject_Repr(note)) : NULL;
            Ad_XDECREF(note);
            if (!s) {
                rc = -1;
                break;
            }
            rc = write_str(file, s) < 0 || AdIO_WriteString(file, "\n") < 0 ? -1 : 0;
            Ad_DECREF(s);
        }
    }
    Ad_DECREF(notes);
    return rc;
}

static AdObject *sys_excepthook(AdObject *self, AdObject *const *args, Ad_ssize_t nargs)
{
    (void)self;
    if (nargs != 3)
        return AdErr_Format(AdExc_TypeError, "excepthook expected 3 arguments, got %zd", nargs);
    AdObject *file = AdSys_GetObject("stderr");
    if (!file || file == Ad_None) {
        AdErr_SetString(AdExc_RuntimeError, "lost sys.stderr");
        return NULL;
    }
    AdObject *value = args[1];
    if (value == Ad_None || !AdExceptionInstance_Check(value))
        value = args[0];
    if (AdSys_DisplayException(value, file) < 0)
        return NULL;
    AdIO_Flush(file) < 0 ? AdErr_Clear() : (void)0;
    Ad_RETURN_NONE;
}

static AdObject *builtins_module(void)
{
    AdObject *mods = AdSys_GetObject("modules");
    return mods && AdDict_Check(mods) ? AdDict_GetItemString(mods, "builtins") : NULL;
}

static AdObject *sys_displayhook(AdObject *self, AdObject *o)
{
    (void)self;
    if (o == Ad_None)
        Ad_RETURN_NONE;
    AdObject *builtins = builtins_module();
    AdObject *underscore = AdStr_InternFromString("_");
    if (!builtins) {
        AdErr_SetString(AdExc_RuntimeError, "lost builtins module");
        return NULL;
    }
    if (AdObject_SetAttr(builtins, underscore, Ad_None) < 0)
        return NULL;
    AdObject *out = AdSys_GetObject("stdout");
    if (!out || out == Ad_None) {
        AdErr_SetString(AdExc_RuntimeError, "lost sys.stdout");
        return NULL;
    }
    AdObject *r = AdObject_Repr(o);
    if (!r)
        return NULL;
    int rc = AdIO_WriteObject(out, r);
    if (rc < 0 && AdErr_ExceptionMatches(AdExc_UnicodeEncodeError)) {
        /* As CPython: the repr again with the stream's encoding and backslashreplace. */
        AdErr_Clear();
        AdObject *enc = AdObject_GetAttrString(out, "encoding");
        const char *e = enc && AdStr_Check(enc) ? AdStr_AsUTF8(enc) : "utf-8";
        AdObject *b = e ? AdStr_AsEncodedString(r, e, "backslashreplace") : NULL;
        AdObject *s = b ? AdStr_Decode(AdBytes_AS_STRING(b), AdBytes_GET_SIZE(b), e, "strict") : NULL;
        Ad_XDECREF(enc);
        Ad_XDECREF(b);
        rc = s ? AdIO_WriteObject(out, s) : -1;
        Ad_XDECREF(s);
    }
    Ad_DECREF(r);
    if (rc < 0 || AdIO_WriteString(out, "\n") < 0)
        return NULL;
    if (AdObject_SetAttr(builtins, underscore, o) < 0)
        return NULL;
    Ad_RETURN_NONE;
}

/* ---- unraisable exceptions ----------------------------------------------------------- */

static int default_unraisable(AdObject *args)
{
    AdObject *file = AdSys_GetObject("stderr");
    if (!file || file == Ad_None)
        return 0;
    AdObject *exc = AdStructSeq_GET_ITEM(args, 1);
    AdObject *err_msg = AdStructSeq_GET_ITEM(args, 3);
    AdObject *obj = AdStructSeq_GET_ITEM(args, 4);
    AdObject *head;
    if (obj != Ad_None) {
        AdObject *r = AdObject_Repr(obj);
        if (!r) {
            AdErr_Clear();
            r = AdStr_FromString("<object repr() failed>");
        }
        if (err_msg != Ad_None && AdStr_Check(err_msg))
            head = r ? AdStr_FromFormat("%U: %U\n", err_msg, r) : NULL;
        else
            head = r ? AdStr_FromFormat("Exception ignored in: %U\n", r) : NULL;
        Ad_XDECREF(r);
    }
    else if (err_msg != Ad_None && AdStr_Check(err_msg))
        head = AdStr_FromFormat("%U:\n", err_msg);
    else
        head = AdStr_FromString("Exception ignored in: None\n");
    if (!head || AdIO_WriteObject(file, head) < 0) {
        Ad_XDECREF(head);
        return -1;
    }
    Ad_DECREF(head);
    if (exc != Ad_None && AdSys_DisplayException(exc, file) < 0)
        return -1;
    return AdIO_Flush(file);
}

static AdObject *sys_unraisablehook(AdObject *self, AdObject *arg)
{
    (void)self;
    if (!Ad_IS_TYPE(arg, &AdSysUnraisableHookArgs_Type))
        return AdErr_Format(AdExc_TypeError, "sys.unraisablehook argument type must be UnraisableHookArgs");
    if (default_unraisable(arg) < 0)
        return NULL;
    Ad_RETURN_NONE;
}

void AdSys_WriteUnraisable(AdObject *exc, const char *err_msg, AdObject *obj)
{
    AdObject *saved = AdErr_GetRaisedException();
    AdObject *msg = err_msg ? AdStr_FromString(err_msg) : NULL;
    AdObject *args = modules_sys_make_unraisable_args(exc, msg, obj);
    Ad_XDECREF(msg);
    if (args) {
        AdObject *hook = AdSys_GetObject("unraisablehook");
        AdObject *r = NULL;
        if (hook && hook != Ad_None) {
            Ad_INCREF(hook);
            r = AdObject_CallOneArg(hook, args);
            Ad_DECREF(hook);
        }
        if (!r) {
            AdErr_Clear();
            if (default_unraisable(args) < 0)
                AdErr_Clear();
        }
        Ad_XDECREF(r);
        Ad_DECREF(args);
    }
    AdErr_Clear();
    AdErr_SetRaisedException(saved);
}

/* ---- exceptions ------------------------------------------------------------------------ */

static AdObject *handled(void)
{
    AdObject *e = AdVM_HandledException();
    return e && e != Ad_None ? e : NULL;
}

static AdObject *sys_exception(AdObject *self, AdObject *unused)
{
    (void)self;
    (void)unused;
    AdObject *e = handled();
    return Ad_NewRef(e ? e : Ad_None);
}

static AdObject *sys_exc_info(AdObject *self, AdObject *unused)
{
    (void)self;
    (void)unused;
    AdObject *e = handled();
    if (!e)
        return AdTuple_Pack(3, Ad_None, Ad_None, Ad_None);
    AdObject *tb = AdException_GetTraceback(e);
    return AdTuple_Pack(3, (AdObject *)AD_TYPE(e), e, tb ? tb : Ad_None);
}

static AdObject *sys_exit(AdObject *self, AdObject *const *args, Ad_ssize_t nargs)
{
    (void)self;
    if (nargs > 1)
        return AdErr_Format(AdExc_TypeError, "exit expected at most 1 argument, got %zd", nargs);
    AdObject *status = nargs ? args[0] : Ad_None;
    AdObject *exc;
    if (status == Ad_None)
        exc = AdObject_CallNoArgs(AdExc_SystemExit);
    else if (AdTuple_Check(status))
        exc = AdObject_Call(AdExc_SystemExit, status, NULL);
    else
        exc = AdObject_CallOneArg(AdExc_SystemExit, status);
    if (exc)
        AdErr_SetRaisedException(exc);
    return NULL;
}

/* ---- limits -------------------------------------------------------------------------------- */

static AdObject *sys_getrecursionlimit(AdObject *self, AdObject *unused)
{
    (void)self;
    (void)unused;
    AdThread *t = Ad_CurrentThread();
    return AdInt_FromInt64(t ? t->recursion_limit : 1000);
}

static AdObject *sys_setrecursionlimit(AdObject *self, AdObject *arg)
{
    (void)self;
    if (AdFloat_Check(arg) || !AdIndex_Check(arg))
        return AdErr_Format(AdExc_TypeError, "'%s' object cannot be interpreted as an integer",
                            AdType_Name(AD_TYPE(arg)));
    Ad_ssize_t v = AdNumber_AsSsize_t(arg, AdExc_OverflowError);
    if (v == -1 && AdErr_Occurred())
        return NULL;
    if (v > INT32_MAX) {
        AdErr_SetString(AdExc_OverflowError, "Python int too large to convert to C int");
        return NULL;
    }
    if (v < 1)
        return AdErr_Format(AdExc_ValueError, "recursion limit must be greater or equal than 1");
    AdThread *t = Ad_CurrentThread();
    int depth = AdSys_RecursionDepthHook ? AdSys_RecursionDepthHook() : (t ? t->recursion_depth : 0);
    if (v <= depth)
        return AdErr_Format(AdExc_RecursionError,
                            "cannot set the recursion limit to %zd at the recursion depth %d: "
                            "the limit is too low", v, depth);
    if (t) {
        /* The limit is the interpreter's: every thread of it gets it. */
        for (AdThread *p = t->interp->threads; p; p = p->next)
            p->recursion_limit = (int)v;
        t->recursion_limit = (int)v;
    }
    Ad_RETURN_NONE;
}

static AdObject *sys_get_int_max_str_digits(AdObject *self, AdObject *unused)
{
    (void)self;
    (void)unused;
    return AdInt_FromInt64(ad_int_max_str_digits());
}

static AdObject *sys_set_int_max_str_digits(AdObject *self, AdObject *const *args, Ad_ssize_t nargs,
                                            AdObject *kwnames)
{
    (void)self;
    static const char *const names[] = {"maxdigits"};
    AdObject *v[1];
    if (ad_num_parse_args("set_int_max_str_digits", args, nargs, kwnames, NULL, names, 1, 0, 1, 1, v) < 0)
        return NULL;
    if (!AdIndex_Check(v[0]))
        return AdErr_Format(AdExc_TypeError, "'%s' object cannot be interpreted as an integer",
                            AdType_Name(AD_TYPE(v[0])));
    Ad_ssize_t n = AdNumber_AsSsize_t(v[0], AdExc_OverflowError);
    if (n == -1 && AdErr_Occurred())
        return NULL;
    if (ad_int_set_max_str_digits(n) < 0)
        return NULL;
    Ad_RETURN_NONE;
}

/* ---- introspection ----------------------------------------------------------------------------- */

static AdObject *sys_getrefcount(AdObject *self, AdObject *o)
{
    (void)self;
    return AdInt_FromSsize_t(AD_REFCNT(o));
}

static AdObject *sys_getsizeof(AdObject *self, AdObject *const *args, Ad_ssize_t nargs, AdObject *kwnames)
{
    (void)self;
    static const char *const names[] = {"object", "default"};
    AdObject *v[2];
    if (ad_num_parse_args("getsizeof", args, nargs, kwnames, NULL, names, 2, 0, 2, 1, v) < 0)
        return NULL;
    AdObject *o = v[0];
    AdObject *meth = AdObject_LookupSpecial(o, AdStr_InternFromString("__sizeof__"));
    AdObject *res = NULL;
    if (!meth) {
        if (!AdErr_Occurred())
            AdErr_Format(AdExc_TypeError, "Type %s doesn't define __sizeof__", AdType_Name(AD_TYPE(o)));
    }
    else {
        res = AdObject_CallNoArgs(meth);
        Ad_DECREF(meth);
    }
    if (res && !AdInt_Check(res)) {
        AD_CLEAR(res);
        AdErr_SetString(AdExc_TypeError, "an integer is required");
    }
    if (res && AdInt_Sign(res) < 0) {
        AD_CLEAR(res);
        AdErr_SetString(AdExc_ValueError, "__sizeof__() should return >= 0");
    }
    if (!res) {
        if (v[1] && AdErr_ExceptionMatches(AdExc_TypeError)) {
            AdErr_Clear();
            return Ad_NewRef(v[1]);
        }
        return NULL;
    }
    Ad_ssize_t size = AdInt_AsSsize_t(res);
    Ad_DECREF(res);
    if (size == -1 && AdErr_Occurred())
        return NULL;
    /* Containers carry the collector's header in front of them. */
    if (AdType_HasFeature(AD_TYPE(o), AD_TPFLAGS_HAVE_GC))
        size += (Ad_ssize_t)sizeof(AdGCHead);
    return AdInt_FromSsize_t(size);
}

static AdObject *sys_intern(AdObject *self, AdObject *s)
{
    (void)self;
    if (!AdStr_Check(s))
        return AdErr_Format(AdExc_TypeError, "intern() argument must be str, not %s", AdType_Name(AD_TYPE(s)));
    if (!AdStr_CheckExact(s))
        return AdErr_Format(AdExc_TypeError, "can't intern %s", AdType_Name(AD_TYPE(s)));
    Ad_INCREF(s);
    AdStr_InternInPlace(&s);
    return s;
}

static AdObject *sys_is_interned(AdObject *self, AdObject *s)
{
    (void)self;
    if (!AdStr_Check(s))
        return AdErr_Format(AdExc_TypeError, "_is_interned() argument must be str, not %s",
                            AdType_Name(AD_TYPE(s)));
    return AdBool_FromLong(((AdStrObject *)s)->interned);
}

static AdObject *sys_is_immortal(AdObject *self, AdObject *o)
{
    (void)self;
    return AdBool_FromLong(Ad_IsImmortal(o));
}

static int depth_arg(AdObject *const *args, Ad_ssize_t nargs, const char *fname, int *depth)
{
    *depth = 0;
    if (nargs > 1) {
        AdErr_Format(AdExc_TypeError, "%s expected at most 1 argument, got %zd", fname, nargs);
        return -1;
    }
    if (nargs == 1) {
        if (AdFloat_Check(args[0]) || !AdIndex_Check(args[0])) {
            AdErr_Format(AdExc_TypeError, "'%s' object cannot be interpreted as an integer",
                         AdType_Name(AD_TYPE(args[0])));
            return -1;
        }
        Ad_ssize_t d = AdNumber_AsSsize_t(args[0], AdExc_OverflowError);
        if (d == -1 && AdErr_Occurred())
            return -1;
        *depth = d > INT32_MAX ? INT32_MAX : d < INT32_MIN ? INT32_MIN : (int)d;
    }
    return 0;
}

static AdObject *sys_getframe(AdObject *self, AdObject *const *args, Ad_ssize_t nargs)
{
    (void)self;
    int depth;
    if (depth_arg(args, nargs, "_getframe", &depth) < 0)
        return NULL;
    if (!AdSys_GetFrameHook)
        return AdErr_Format(AdExc_ValueError, "call stack is not deep enough");
    return AdSys_GetFrameHook(depth);
}

static AdObject *sys_getframemodulename(AdObject *self, AdObject *const *args, Ad_ssize_t nargs,
                                        AdObject *kwnames)
{
    (void)self;
    static const char *const names[] = {"depth"};
    AdObject *v[1];
    if (ad_num_parse_args("_getframemodulename", args, nargs, kwnames, NULL, names, 1, 0, 1, 0, v) < 0)
        return NULL;
    int depth;
    if (depth_arg(v, v[0] ? 1 : 0, "_getframemodulename", &depth) < 0)
        return NULL;
    if (!AdSys_GetFrameModuleNameHook)
        Ad_RETURN_NONE;
    return AdSys_GetFrameModuleNameHook(depth);
}

/* ---- tracing -------------------------------------------------------------------------------------- */

/* The trace and profile functions live in the calling thread's VM state
 * (sys.settrace/setprofile act on the current thread, as in CPython). */
AdObject *AdSys_GetTraceFunc(void)
{
    return AdEval_GetTrace();
}

AdObject *AdSys_GetProfileFunc(void)
{
    return AdEval_GetProfile();
}

static AdObject *set_tracing(int profile, AdObject *func)
{
    SysState *st = modules_sys_state();
    if (!st)
        return AdErr_Format(AdExc_RuntimeError, "lost sys module");
    AdObject *f = func == Ad_None ? NULL : func;
    if (AdSys_Audit(profile ? "sys.setprofile" : "sys.settrace", NULL) < 0)
        return NULL;
    (void)st;
    if ((profile ? AdEval_SetProfile(f ? f : Ad_None) : AdEval_SetTrace(f ? f : Ad_None)) < 0)
        return NULL;
    if (AdSys_TraceChangedHook && AdSys_TraceChangedHook(profile, f) < 0)
        return NULL;
    Ad_RETURN_NONE;
}

static AdObject *sys_settrace(AdObject *self, AdObject *f) { (void)self; return set_tracing(0, f); }
static AdObject *sys_setprofile(AdObject *self, AdObject *f) { (void)self; return set_tracing(1, f); }

static AdObject *sys_gettrace(AdObject *self, AdObject *unused)
{
    (void)self;
    (void)unused;
    AdObject *f = AdSys_GetTraceFunc();
    return Ad_NewRef(f ? f : Ad_None);
}

static AdObject *sys_getprofile(AdObject *self, AdObject *unused)
{
    (void)self;
    (void)unused;
    AdObject *f = AdSys_GetProfileFunc();
    return Ad_NewRef(f ? f : Ad_None);
}

static AdObject *sys_call_tracing(AdObject *self, AdObject *const *args, Ad_ssize_t nargs)
{
    (void)self;
    if (nargs != 2)
        return AdErr_Format(AdExc_TypeError, "call_tracing expected 2 arguments, got %zd", nargs);
    if (!AdTuple_Check(args[1]))
        return AdErr_Format(AdExc_TypeError, "call_tracing() argument 2 must be tuple, not %s",
                            AdType_Name(AD_TYPE(args[1])));
    return AdObject_Call(args[0], args[1], NULL);
}

/* ---- audit hooks ------------------------------------------------------------------------------------ */

int AdSys_Audit(const char *event, AdObject *args_tuple)
{
    SysState *st = modules_sys_state();
    if (!st || !st->audit_hooks || AdList_GET_SIZE(st->audit_hooks) == 0)
        return 0;
    AdObject *ev = AdStr_FromString(event);
    AdObject *args = args_tuple ? Ad_NewRef(args_tuple) : AdTuple_New(0);
    int rc = ev && args ? 0 : -1;
    AdObject *hooks = rc == 0 ? AdList_AsTuple(st->audit_hooks) : NULL;
    for (Ad_ssize_t i = 0; hooks && rc == 0 && i < AdTuple_GET_SIZE(hooks); i++) {
        AdObject *argv[2] = {ev, args};
        AdObject *r = AdObject_Vectorcall(AdTuple_GET_ITEM(hooks, i), argv, 2, NULL);
        if (!r)
            rc = -1;
        Ad_XDECREF(r);
    }
    if (rc == 0 && !hooks)
        rc = -1;
    Ad_XDECREF(hooks);
    Ad_XDECREF(ev);
    Ad_XDECREF(args);
    return rc;
}

static AdObject *sys_audit(AdObject *self, AdObject *const *args, Ad_ssize_t nargs)
{
    (void)self;
    if (nargs < 1)
        return AdErr_Format(AdExc_TypeError, "audit() missing 1 required positional argument: 'event'");
    if (!AdStr_Check(args[0]))
        return AdErr_Format(AdExc_TypeError, "expected str for argument 'event', not %s",
                            AdType_Name(AD_TYPE(args[0])));
    SysState *st = modules_sys_state();
    if (!st || !st->audit_hooks || AdList_GET_SIZE(st->audit_hooks) == 0)
        Ad_RETURN_NONE;
    AdObject *rest = AdTuple_FromArray(args + 1, nargs - 1);
    const char *ev = AdStr_AsUTF8(args[0]);
    int rc = rest && ev ? AdSys_Audit(ev, rest) : -1;
    Ad_XDECREF(rest);
    return rc < 0 ? NULL : Ad_None;
}

static AdObject *sys_addaudithook(AdObject *self, AdObject *hook)
{
    (void)self;
    SysState *st = modules_sys_state();
    if (!st)
        return AdErr_Format(AdExc_RuntimeError, "lost sys module");
    /* Existing hooks may veto with a RuntimeError (then silently ignored, as CPython does). */
    if (AdSys_Audit("sys.addaudithook", NULL) < 0) {
        if (AdErr_ExceptionMatches(AdExc_RuntimeError)) {
            AdErr_Clear();
            Ad_RETURN_NONE;
        }
        return NULL;
    }
    if (!st->audit_hooks && !(st->audit_hooks = AdList_New(0)))
        return NULL;
    if (AdList_Append(st->audit_hooks, hook) < 0)
        return NULL;
    Ad_RETURN_NONE;
}

/* ---- breakpointhook ------------------------------------------------------------------------------------ */

static AdObject *sys_breakpointhook(AdObject *self, AdObject *const *args, Ad_ssize_t nargs, AdObject *kwnames)
{
    (void)self;
    AdInterp *interp = Ad_CurrentThread() ? Ad_CurrentThread()->interp : Ad_MainInterp();
    const char *env = interp && interp->config.use_environment ? getenv("PYTHONBREAKPOINT") : NULL;
    if (!env || !env[0])
        env = "pdb.set_trace";
    else if (strcmp(env, "0") == 0)
        Ad_RETURN_NONE;
    const char *dot = strrchr(env, '.');
    AdObject *modname = dot ? AdStr_FromStringAndSize(env, dot - env) : AdStr_FromString("builtins");
    AdObject *attr = AdStr_FromString(dot ? dot + 1 : env);
    AdObject *builtins = builtins_module();
    AdObject *imp = builtins ? AdObject_GetAttrString(builtins, "__import__") : NULL;
    AdObject *mod = NULL, *hook = NULL;
    if (modname && attr && imp) {
        /* __import__(name, fromlist=('*',)) gives the leaf module. */
        AdObject *star = AdStr_FromString("*");
        AdObject *fromlist = star ? AdTuple_Pack(1, star) : NULL;
        Ad_XDECREF(star);
        AdObject *argv[5] = {modname, Ad_None, Ad_None, fromlist, NULL};
        argv[4] = AdInt_FromInt64(0);
        if (fromlist && argv[4])
            mod = AdObject_Vectorcall(imp, argv, 5, NULL);
        Ad_XDECREF(fromlist);
        Ad_XDECREF(argv[4]);
        if (mod)
            hook = AdObject_GetAttr(mod, attr);
    }
    else if (!imp && !AdErr_Occurred())
        AdErr_SetString(AdExc_ImportError, "__import__ not found");
    Ad_XDECREF(imp);
    Ad_XDECREF(mod);
    Ad_XDECREF(modname);
    Ad_XDECREF(attr);
    if (!hook) {
        if (!AdErr_ExceptionMatches(AdExc_ImportError) && !AdErr_ExceptionMatches(AdExc_AttributeError))
            return NULL;
        AdErr_Clear();
        if (AdErr_WarnFormat(AdExc_RuntimeWarning, 0, "Ignoring unimportable $PYTHONBREAKPOINT: \"%s\"", env) < 0)
            return NULL;
        Ad_RETURN_NONE;
    }
    AdObject *r = AdObject_Vectorcall(hook, args, (size_t)nargs, kwnames);
    Ad_DECREF(hook);
    return r;
}

/* ---- odds and ends ------------------------------------------------------------------------------------- */

static AdObject *sys_getdefaultencoding(AdObject *self, AdObject *unused)
{
    (void)self;
    (void)unused;
    return AdStr_FromString("utf-8");
}

static AdObject *sys_getfilesystemencoding(AdObject *self, AdObject *unused)
{
    (void)self;
    (void)unused;
    return AdStr_FromString("utf-8");
}

static AdObject *sys_getfilesystemencodeerrors(AdObject *self, AdObject *unused)
{
    (void)self;
    (void)unused;
    return AdStr_FromString("surrogateescape");
}

static AdObject *sys_is_finalizing(AdObject *self, AdObject *unused)
{
    (void)self;
    (void)unused;
    AdInterp *interp = Ad_MainInterp();
    return AdBool_FromLong(interp && interp->finalizing);
}

static AdObject *sys_getallocatedblocks(AdObject *self, AdObject *unused)
{
    (void)self;
    (void)unused;
    return AdInt_FromInt64((int64_t)AdMem_LiveBlocks());
}

static AdObject *sys_getunicodeinternedsize(AdObject *self, AdObject *const *args, Ad_ssize_t nargs,
                                            AdObject *kwnames)
{
    (void)self;
    (void)args;
    (void)nargs;
    (void)kwnames;
    return AdInt_FromSsize_t(AdStr_InternedCount());
}

static AdObject *sys_getswitchinterval(AdObject *self, AdObject *unused)
{
    (void)self;
    (void)unused;
    AdThread *t = Ad_CurrentThread();
    return AdFloat_FromDouble(t ? Ad_GetSwitchInterval(t->interp) : 0.005);
}

static AdObject *sys_setswitchinterval(AdObject *self, AdObject *arg)
{
    (void)self;
    double d = AdFloat_AsDouble(arg);
    if (d == -1.0 && AdErr_Occurred())
        return NULL;
    if (d <= 0.0)
        return AdErr_Format(AdExc_ValueError, "switch interval must be strictly positive");
    AdThread *t = Ad_CurrentThread();
    if (t)
        Ad_SetSwitchInterval(t->interp, d);
    Ad_RETURN_NONE;
}

static AdObject *sys_getdlopenflags(AdObject *self, AdObject *unused)
{
    (void)self;
    (void)unused;
    SysState *st = modules_sys_state();
    return AdInt_FromInt64(st ? st->dlopen_flags : 2);
}

static AdObject *sys_setdlopenflags(AdObject *self, AdObject *arg)
{
    (void)self;
    Ad_ssize_t v = AdNumber_AsSsize_t(arg, AdExc_OverflowError);
    if (v == -1 && AdErr_Occurred())
        return NULL;
    SysState *st = modules_sys_state();
    if (st)
        st->dlopen_flags = (int)v;
    Ad_RETURN_NONE;
}

static AdObject *sys_noop(AdObject *self, AdObject *unused)
{
    (void)self;
    (void)unused;
    Ad_RETURN_NONE;
}

static AdObject *sys_false(AdObject *self, AdObject *unused)
{
    (void)self;
    (void)unused;
    Ad_RETURN_FALSE;
}

/* The -X cpu_count / PYTHON_CPU_COUNT override (-1: none), for os.cpu_count. */
static AdObject *sys_get_cpu_count_config(AdObject *self, AdObject *unused)
{
    (void)self;
    (void)unused;
    return AdInt_FromInt64(ad_current_thread->interp->config.cpu_count);
}

static AdObject *sys_true(AdObject *self, AdObject *unused)
{
    (void)self;
    (void)unused;
    Ad_RETURN_TRUE;
}

static AdObject *sys_get_asyncgen_hooks(AdObject *self, AdObject *unused)
{
    (void)self;
    (void)unused;
    SysState *st = modules_sys_state();
    AdObject *fi = st && st->asyncgen_firstiter ? st->asyncgen_firstiter : Ad_None;
    AdObject *fz = st && st->asyncgen_finalizer ? st->asyncgen_finalizer : Ad_None;
    return AdTuple_Pack(2, fi, fz);
}

static AdObject *sys_set_asyncgen_hooks(AdObject *self, AdObject *const *args, Ad_ssize_t nargs, AdObject *kwnames)
{
    (void)self;
    static const char *const names[] = {"firstiter", "finalizer"};
    AdObject *v[2];
    if (ad_num_parse_args("set_asyncgen_hooks", args, nargs, kwnames, NULL, names, 2, 0, 2, 0, v) < 0)
        return NULL;
    if (v[1] && v[1] != Ad_None && !AD_TYPE(v[1])->tp_call)
        return AdErr_Format(AdExc_TypeError, "callable finalizer expected, got %s", AdType_Name(AD_TYPE(v[1])));
    if (v[0] && v[0] != Ad_None && !AD_TYPE(v[0])->tp_call)
        return AdErr_Format(AdExc_TypeError, "callable firstiter expected, got %s", AdType_Name(AD_TYPE(v[0])));
    SysState *st = modules_sys_state();
    if (!st)
        Ad_RETURN_NONE;
    if (v[0])
        AD_XSETREF(st->asyncgen_firstiter, v[0] == Ad_None ? NULL : Ad_NewRef(v[0]));
    if (v[1])
        AD_XSETREF(st->asyncgen_finalizer, v[1] == Ad_None ? NULL : Ad_NewRef(v[1]));
    Ad_RETURN_NONE;
}

static AdObject *sys_get_coroutine_origin_tracking_depth(AdObject *self, AdObject *unused)
{
    (void)self;
    (void)unused;
    SysState *st = modules_sys_state();
    return AdInt_FromInt64(st ? st->coroutine_origin_depth : 0);
}

static AdObject *sys_set_coroutine_origin_tracking_depth(AdObject *self, AdObject *const *args, Ad_ssize_t nargs,
                                                         AdObject *kwnames)
{
    (void)self;
    static const char *const names[] = {"depth"};
    AdObject *v[1];
    if (ad_num_parse_args("set_coroutine_origin_tracking_depth", args, nargs, kwnames, NULL, names, 1, 0, 1, 1, v) < 0)
        return NULL;
    Ad_ssize_t d = AdNumber_AsSsize_t(v[0], AdExc_OverflowError);
    if (d == -1 && AdErr_Occurred())
        return NULL;
    if (d < 0)
        return AdErr_Format(AdExc_ValueError, "depth must be >= 0");
    SysState *st = modules_sys_state();
    if (st)
        st->coroutine_origin_depth = (int)d;
    Ad_RETURN_NONE;
}

/* sys._clear_type_descriptors(type): drops the __dict__ and __weakref__
 * descriptors from a class's own dict (dataclasses' slots=True uses it
 * when it rebuilds a class). */
static AdObject *sys_clear_type_descriptors(AdObject *self, AdObject *type)
{
    (void)self;
    if (!AdType_Check(type))
        return AdErr_Format(AdExc_TypeError, "_clear_type_descriptors() argument must be type, not %T", type);
    AdTypeObject *t = (AdTypeObject *)type;
    if (t->tp_flags & AD_TPFLAGS_IMMUTABLETYPE) {
        AdErr_SetString(AdExc_TypeError, "argument is immutable");
        return NULL;
    }
    static const char *const names[] = {"__dict__", "__weakref__"};
    for (int i = 0; i < 2 && t->tp_dict; i++) {
        if (AdDict_DelItemString(t->tp_dict, names[i]) < 0) {
            if (!AdErr_ExceptionMatches(AdExc_KeyError))
                return NULL;
            AdErr_Clear();
        }
    }
    AdType_Modified(t);
    Ad_RETURN_NONE;
}

#define F(name, fn, flags, doc) {name, (void (*)(void))(fn), flags, doc}
AdMethodDef modules_sys_methods[] = {
    F("displayhook", sys_displayhook, AD_METH_O, "Print an object to sys.stdout and also save it in builtins._"),
    F("excepthook", sys_excepthook, AD_METH_FASTCALL, "Handle an exception by displaying it with a traceback on sys.stderr."),
    F("unraisablehook", sys_unraisablehook, AD_METH_O, "Handle an unraisable exception."),
    F("breakpointhook", sys_breakpointhook, AD_METH_FASTCALL | AD_METH_KEYWORDS, "This hook function is called by built-in breakpoint()."),
    F("exception", sys_exception, AD_METH_NOARGS, "Return the current exception."),
    F("exc_info", sys_exc_info, AD_METH_NOARGS, "Return current exception information: (type, value, traceback)."),
    F("exit", sys_exit, AD_METH_FASTCALL, "Exit the interpreter by raising SystemExit(status)."),
    F("getrecursionlimit", sys_getrecursionlimit, AD_METH_NOARGS, "Return the current value of the recursion limit."),
    F("setrecursionlimit", sys_setrecursionlimit, AD_METH_O, "Set the maximum depth of the Python interpreter stack to n."),
    F("get_int_max_str_digits", sys_get_int_max_str_digits, AD_METH_NOARGS, "Return the maximum string digits limit for non-binary int<->str conversions."),
    F("set_int_max_str_digits", sys_set_int_max_str_digits, AD_METH_FASTCALL | AD_METH_KEYWORDS, "Set the maximum string digits limit for non-binary int<->str conversions."),
    F("getrefcount", sys_getrefcount, AD_METH_O, "Return the reference count of object."),
    F("getsizeof", sys_getsizeof, AD_METH_FASTCALL | AD_METH_KEYWORDS, "getsizeof(object [, default]) -> int\n\nReturn the size of object in bytes."),
    F("intern", sys_intern, AD_METH_O, "``Intern'' the given string."),
    F("_is_interned", sys_is_interned, AD_METH_O, "Return True if the given string is \"interned\"."),
    F("_is_immortal", sys_is_immortal, AD_METH_O, "Return True if the given object is \"immortal\"."),
    F("_getframe", sys_getframe, AD_METH_FASTCALL, "Return a frame object from the call stack."),
    F("_getframemodulename", sys_getframemodulename, AD_METH_FASTCALL | AD_METH_KEYWORDS, "Return the name of the module for a calling frame."),
    F("settrace", sys_settrace, AD_METH_O, "Set the global debug tracing function."),
    F("gettrace", sys_gettrace, AD_METH_NOARGS, "Return the global debug tracing function set with sys.settrace."),
    F("setprofile", sys_setprofile, AD_METH_O, "Set the profiling function."),
    F("getprofile", sys_getprofile, AD_METH_NOARGS, "Return the profiling function set with sys.setprofile."),
    F("call_tracing", sys_call_tracing, AD_METH_FASTCALL, "Call func(*args), while tracing is enabled."),
    F("audit", sys_audit, AD_METH_FASTCALL, "Passes the event to any audit hooks that are attached."),
    F("addaudithook", sys_addaudithook, AD_METH_O, "Adds a new audit hook callback."),
    F("getdefaultencoding", sys_getdefaultencoding, AD_METH_NOARGS, "Return the current default encoding used by the Unicode implementation."),
    F("getfilesystemencoding", sys_getfilesystemencoding, AD_METH_NOARGS, "Return the encoding used to convert Unicode filenames to OS filenames."),
    F("getfilesystemencodeerrors", sys_getfilesystemencodeerrors, AD_METH_NOARGS, "Return the error mode used Unicode to OS filename conversion."),
    F("is_finalizing", sys_is_finalizing, AD_METH_NOARGS, "Return True if Python is exiting."),
    F("getallocatedblocks", sys_getallocatedblocks, AD_METH_NOARGS, "Return the number of memory blocks currently allocated."),
    F("getunicodeinternedsize", sys_getunicodeinternedsize, AD_METH_FASTCALL | AD_METH_KEYWORDS, "Return the number of elements of the unicode interned dictionary"),
    F("getswitchinterval", sys_getswitchinterval, AD_METH_NOARGS, "Return the current thread switch interval; see sys.setswitchinterval()."),
    F("setswitchinterval", sys_setswitchinterval, AD_METH_O, "Set the ideal thread switching delay inside the Python interpreter."),
    F("getdlopenflags", sys_getdlopenflags, AD_METH_NOARGS, "Return the current value of the flags that are used for dlopen calls."),
    F("setdlopenflags", sys_setdlopenflags, AD_METH_O, "Set the flags used by the interpreter for dlopen calls."),
    F("get_asyncgen_hooks", sys_get_asyncgen_hooks, AD_METH_NOARGS, "Return the installed asynchronous generators hooks."),
    F("set_asyncgen_hooks", sys_set_asyncgen_hooks, AD_METH_FASTCALL | AD_METH_KEYWORDS, "Set new asynchronous generators hooks."),
    F("get_coroutine_origin_tracking_depth", sys_get_coroutine_origin_tracking_depth, AD_METH_NOARGS, "Check status of origin tracking for coroutine objects in this thread."),
    F("set_coroutine_origin_tracking_depth", sys_set_coroutine_origin_tracking_depth, AD_METH_FASTCALL | AD_METH_KEYWORDS, "Enable or disable origin tracking for coroutine objects in this thread."),
    F("_clear_type_descriptors", sys_clear_type_descriptors, AD_METH_O,
      "Private function for clearing certain descriptors from a type's dictionary."),
    F("_clear_type_cache", sys_noop, AD_METH_NOARGS, "Clear the internal type lookup cache."),
    F("_clear_internal_caches", sys_noop, AD_METH_NOARGS, "Clear all internal performance-related caches."),
    F("is_remote_debug_enabled", sys_false, AD_METH_NOARGS, "Return True if remote debugging is enabled, False otherwise."),
    F("is_stack_trampoline_active", sys_false, AD_METH_NOARGS, "Return *True* if a stack profiler trampoline is active."),
    F("_get_cpu_count_config", sys_get_cpu_count_config, AD_METH_NOARGS, "Private function for getting PyConfig.cpu_count"),
    F("_is_gil_enabled", sys_true, AD_METH_NOARGS, "Return True if the GIL is currently enabled and False otherwise."),
    {NULL, NULL, 0, NULL},
};
