/* errors.c: the raised exception on the thread state, and the helpers that
 * raise, match, chain and report exceptions (errors.h). */
#include "objects/errors.h"
#include "objects/exceptions.h"
#include "objects/dict.h"
#include "objects/int.h"
#include "objects/str.h"
#include "objects/tuple.h"
#include "objects/typeobject.h"
#include "runtime/interp.h"
#include "runtime/signals.h"
#include "runtime/gil.h"
#include "vm/frame.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static AdThread *tstate(void)
{
    return ad_current_thread;
}

AdObject *AdErr_Occurred(void)
{
    AdThread *t = tstate();
    return (t && t->current_exception) ? (AdObject *)AD_TYPE(t->current_exception) : NULL;
}

void AdErr_SetRaisedException(AdObject *exc)
{
    AdThread *t = tstate();
    AdObject *old = t->current_exception;
    t->current_exception = exc;
    Ad_XDECREF(old);
}

AdObject *AdErr_GetRaisedException(void)
{
    AdThread *t = tstate();
    AdObject *exc = t->current_exception;
    t->current_exception = NULL;
    return exc;
}

void AdErr_Clear(void)
{
    AdErr_SetRaisedException(NULL);
}

/* Instantiates type with value as its argument(s). */
static AdObject *make_exception(AdObject *type, AdObject *value)
{
    if (value && AdObject_TypeCheck(value, (AdTypeObject *)type))
        return Ad_NewRef(value);
    if (!value || value == Ad_None)
        return AdObject_CallNoArgs(type);
    if (AdTuple_Check(value))
        return AdObject_Call(type, value, NULL);
    return AdObject_CallOneArg(type, value);
}

/* Cuts the context chain of handled where it reaches exc, so that making
 * handled the context of exc creates no cycle (bounded walk, as CPython). */
static void cut_context_cycle(AdObject *handled, AdObject *exc)
{
    AdObject *o = handled;
    for (int steps = 0; steps < 100000; steps++) {
        AdObject *ctx = AdException_GetContext(o);
        if (!ctx)
            return;
        if (ctx == exc) {
            AdException_SetContext(o, NULL);
            return;
        }
        o = ctx;
    }
}

void AdErr_SetObject(AdObject *type, AdObject *value)
{
    if (!AdExceptionClass_Check(type)) {
        AdErr_Format(AdExc_SystemError, "_PyErr_SetObject: exception %R is not a BaseException subclass",
                     type);
        return;
    }
    AdObject *exc = make_exception(type, value);
    if (!exc)
        return;             /* creating it raised something else */
    /* Raising while an exception is handled makes that one the context. */
    AdObject *handled = AdVM_HandledException();
    if (handled && handled != exc) {
        cut_context_cycle(handled, exc);
        AdException_SetContext(exc, Ad_NewRef(handled));
    }
    AdErr_SetRaisedException(exc);
}

void AdErr_SetNone(AdObject *type)
{
    AdErr_SetObject(type, NULL);
}

void AdErr_SetString(AdObject *type, const char *msg)
{
    AdObject *s = AdStr_FromString(msg);
    if (!s)
        return;
    AdErr_SetObject(type, s);
    Ad_DECREF(s);
}

AdObject *AdErr_FormatV(AdObject *type, const char *fmt, va_list va)
{
    AdObject *s = AdStr_FromFormatV(fmt, va);
    if (s) {
        AdErr_SetObject(type, s);
        Ad_DECREF(s);
    }
    return NULL;
}

AdObject *AdErr_Format(AdObject *type, const char *fmt, ...)
{
    va_list va;
    va_start(va, fmt);
    AdErr_FormatV(type, fmt, va);
    va_end(va);
    return NULL;
}

int AdErr_GivenExceptionMatches(AdObject *exc, AdObject *type)
{
    if (!exc || !type)
        return 0;
    if (AdTuple_Check(type)) {
        for (Ad_ssize_t i = 0; i < AdTuple_GET_SIZE(type); i++)
            if (AdErr_GivenExceptionMatches(exc, AdTuple_GET_ITEM(type, i)))
                return 1;
        return 0;
    }
    AdObject *cls = AdExceptionInstance_Check(exc) ? (AdObject *)AD_TYPE(exc) : exc;
    if (AdExceptionClass_Check(cls) && AdExceptionClass_Check(type))
        return AdType_IsSubtype((AdTypeObject *)cls, (AdTypeObject *)type);
    return cls == type;
}

int AdErr_ExceptionMatches(AdObject *type)
{
    return AdErr_GivenExceptionMatches(AdErr_Occurred(), type);
}

/* The MemoryError raised when even creating it would fail. */
static AdBaseExceptionObject last_resort_memory_error;

AdObject *AdErr_NoMemory(void)
{
    AdObject *exc = AdObject_CallNoArgs(AdExc_MemoryError);
    if (!exc) {
        AdErr_Clear();
        exc = Ad_NewRef((AdObject *)&last_resort_memory_error);
    }
    AdErr_SetRaisedException(exc);
    return NULL;
}

void ad_errors_init(void)
{
    last_resort_memory_error.ob_base.ob_refcnt = AD_IMMORTAL_REFCNT;
    last_resort_memory_error.ob_base.ob_type = &AdExcType_MemoryError;
    last_resort_memory_error.args = AdTuple_New(0);
}

void ad_errors_fini(void)
{
    AD_CLEAR(last_resort_memory_error.args);
}

AdObject *AdErr_SetFromErrnoWithFilenameObjects(AdObject *type, AdObject *f1, AdObject *f2)
{
    int err = errno;
    if (err == EINTR && AdErr_CheckSignals() < 0)
        return NULL;
    AdObject *code = AdInt_FromInt64(err);
    AdObject *msg = AdStr_FromString(err ? strerror(err) : "Error");
    AdObject *args = NULL;
    if (code && msg) {
        if (f1 && f2)
            args = AdTuple_Pack(5, code, msg, f1, Ad_None, f2);
        else if (f1)
            args = AdTuple_Pack(3, code, msg, f1);
        else
            args = AdTuple_Pack(2, code, msg);
    }
    Ad_XDECREF(code);
    Ad_XDECREF(msg);
    if (!args)
        return NULL;
    AdObject *exc = AdObject_Call(type, args, NULL);
    Ad_DECREF(args);
    if (exc)
        AdErr_SetRaisedException(exc);
    return NULL;
}

AdObject *AdErr_SetFromErrno(AdObject *type)
{
    return AdErr_SetFromErrnoWithFilenameObjects(type, NULL, NULL);
}

AdObject *AdErr_SetFromErrnoWithFilename(AdObject *type, const char *filename)
{
    int err = errno;
    AdObject *name = filename ? AdStr_FromString(filename) : NULL;
    if (filename && !name)
        return NULL;
    errno = err;
    AdErr_SetFromErrnoWithFilenameObjects(type, name, NULL);
    Ad_XDECREF(name);
    return NULL;
}

void AdErr_BadInternalCall(void)
{
    AdErr_SetString(AdExc_SystemError, "bad argument to internal function");
}

int AdErr_BadArgument(void)
{
    AdErr_SetString(AdExc_TypeError, "bad argument type for built-in operation");
    return 0;
}

void AdErr_ChainExceptions(AdObject *handled)
{
    AdObject *exc = tstate()->current_exception;
    if (!exc || !handled || exc == handled)
        return;
    cut_context_cycle(handled, exc);
    AdException_SetContext(exc, Ad_NewRef(handled));
}

int (*AdErr_SignalHandlersHook)(void) = NULL;

int AdErr_CheckSignals(void)
{
    if (!ad_runtime.signals.is_tripped || !Ad_IsMainThread())
        return 0;
    if (AdErr_SignalHandlersHook)
        return AdErr_SignalHandlersHook();
    if (Ad_SignalsTakeInterrupt(&ad_runtime)) {
        AdErr_SetNone(AdExc_KeyboardInterrupt);
        return -1;
    }
    ad_runtime.signals.is_tripped = 0;
    return 0;
}

int Ad_EnterRecursiveCall(const char *where)
{
    AdThread *t = tstate();
    if (++t->recursion_depth > t->recursion_limit) {
        t->recursion_depth--;
        AdErr_Format(AdExc_RecursionError, "maximum recursion depth exceeded%s", where);
        return -1;
    }
    return 0;
}

void Ad_LeaveRecursiveCall(void)
{
    tstate()->recursion_depth--;
}

void (*AdErr_UnraisableHook)(AdObject *exc, const char *err_msg, AdObject *obj);

void AdErr_WriteUnraisable(AdObject *obj)
{
    /* Through sys.unraisablehook once sys is up; until then, the default
     * hook's output: "Exception ignored in: <repr>" and the exception line. */
    AdObject *exc = AdErr_GetRaisedException();
    if (!exc)
        return;
    if (AdErr_UnraisableHook) {
        AdErr_UnraisableHook(exc, NULL, obj);
        Ad_DECREF(exc);
        return;
    }
    fflush(stdout);
    if (obj) {
        AdObject *r = AdObject_Repr(obj);
        const char *s = r ? AdStr_AsUTF8(r) : NULL;
        fprintf(stderr, "Exception ignored in: %s\n", s ? s : "<object repr() failed>");
        Ad_XDECREF(r);
        AdErr_Clear();
    }
    AdObject *text = AdObject_Str(exc);
    const char *msg = text ? AdStr_AsUTF8(text) : NULL;
    const char *name = AdType_Name(AD_TYPE(exc));
    if (msg && *msg)
        fprintf(stderr, "%s: %s\n", name, msg);
    else
        fprintf(stderr, "%s\n", name);
    Ad_XDECREF(text);
    AdErr_Clear();
    Ad_DECREF(exc);
}

void AdErr_FormatUnraisable(const char *fmt, ...)
{
    va_list va;
    va_start(va, fmt);
    AdObject *exc = AdErr_GetRaisedException();
    if (AdErr_UnraisableHook && exc) {
        char *msg = NULL;
        if (vasprintf(&msg, fmt, va) < 0)
            msg = NULL;
        va_end(va);
        AdErr_UnraisableHook(exc, msg, NULL);
        free(msg);
        Ad_DECREF(exc);
        return;
    }
    fflush(stdout);
    vfprintf(stderr, fmt, va);
    fputc('\n', stderr);
    va_end(va);
    AdErr_SetRaisedException(exc);
    AdErr_WriteUnraisable(NULL);
}

int (*AdErr_WarnHook)(AdObject *category, const char *msg, Ad_ssize_t stacklevel) = NULL;

int AdErr_WarnEx(AdObject *category, const char *msg, Ad_ssize_t stacklevel)
{
    /* The warnings machinery (filters, registry, sys.warnoptions) is the
     * modules room's (_warnings); before it is hooked in, warnings print
     * in the default format without a source location. */
    if (AdErr_WarnHook)
        return AdErr_WarnHook(category, msg, stacklevel);
    fflush(stdout);
    fprintf(stderr, "%s: %s\n", AdType_Name((AdTypeObject *)category), msg);
    return 0;
}

int AdErr_WarnFormat(AdObject *category, Ad_ssize_t stacklevel, const char *fmt, ...)
{
    va_list va;
    va_start(va, fmt);
    AdObject *s = AdStr_FromFormatV(fmt, va);
    va_end(va);
    if (!s)
        return -1;
    int rc = AdErr_WarnEx(category, AdStr_AsUTF8(s), stacklevel);
    Ad_DECREF(s);
    return rc;
}

AdObject *AdErr_NewException(const char *dotted_name, AdObject *base, AdObject *dict)
{
    const char *dot = strrchr(dotted_name, '.');
    if (!dot) {
        AdErr_SetString(AdExc_SystemError, "AdErr_NewException: name must be module.class");
        return NULL;
    }
    AdObject *d = dict ? AdDict_Copy(dict) : AdDict_New();
    AdObject *mod = AdStr_FromStringAndSize(dotted_name, (Ad_ssize_t)(dot - dotted_name));
    AdObject *name = AdStr_FromString(dot + 1);
    AdObject *bases = AdTuple_Pack(1, base ? base : AdExc_Exception);
    AdObject *args = NULL, *cls = NULL;
    if (d && mod && name && bases && AdDict_SetItemString(d, "__module__", mod) == 0 &&
        (args = AdTuple_Pack(3, name, bases, d)))
        cls = AdObject_Call((AdObject *)&AdType_Type, args, NULL);
    Ad_XDECREF(d);
    Ad_XDECREF(mod);
    Ad_XDECREF(name);
    Ad_XDECREF(bases);
    Ad_XDECREF(args);
    return cls;
}
