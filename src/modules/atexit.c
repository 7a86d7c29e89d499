/* atexit.c: the `atexit` module: register (returns the function),
 * unregister (by equality), _run_exitfuncs, _clear and _ncallbacks. The
 * callbacks run last-in first-out at finalization step 1 through
 * Ad_InterpAtExit; a callback that raises is reported as "Exception
 * ignored in atexit callback <repr>" through sys.unraisablehook and the
 * others still run. */
#include <stdio.h>
#include "modules/posix.h"
#include "modules/posix_internal.h"
#include "modules/sys.h"
#include "runtime/interp.h"
#include "runtime/lifecycle.h"

/* The callbacks: a list of (func, args, kwargs-or-None) tuples. */
static AdObject *callbacks;
static AdInterp *hooked_interp;

static int ensure_list(void)
{
    if (!callbacks && !(callbacks = AdList_New(0)))
        return -1;
    return 0;
}

void AdAtexit_RunCallbacks(void)
{
    if (!callbacks)
        return;
    AdObject *saved = AdErr_GetRaisedException();
    while (callbacks && AdList_GET_SIZE(callbacks) > 0) {
        Ad_ssize_t n = AdList_GET_SIZE(callbacks);
        AdObject *entry = Ad_NewRef(AdList_GET_ITEM(callbacks, n - 1));
        AdObject *idx = AdInt_FromInt64(n - 1);
        if (!idx || AdObject_DelItem(callbacks, idx) < 0) {
            Ad_XDECREF(idx);
            Ad_DECREF(entry);
            AdErr_Clear();
            break;
        }
        Ad_DECREF(idx);
        AdObject *func = AdTuple_GET_ITEM(entry, 0);
        AdObject *kw = AdTuple_GET_ITEM(entry, 2);
        AdObject *r = AdObject_Call(func, AdTuple_GET_ITEM(entry, 1), kw == Ad_None ? NULL : kw);
        if (r) {
            Ad_DECREF(r);
        } else {
            AdObject *exc = AdErr_GetRaisedException();
            AdObject *rep = AdObject_Repr(func);
            if (!rep)
                AdErr_Clear();
            char msg[512];
            snprintf(msg, sizeof msg, "Exception ignored in atexit callback %s",
                     rep ? AdStr_AsUTF8(rep) : "<object repr() failed>");
            if (!rep || !AdStr_AsUTF8(rep))
                AdErr_Clear();
            Ad_XDECREF(rep);
            AdSys_WriteUnraisable(exc, msg, NULL);
            Ad_XDECREF(exc);
        }
        Ad_DECREF(entry);
    }
    /* Emptied: the list goes (register makes a new one). */
    if (callbacks && AdList_GET_SIZE(callbacks) == 0)
        AD_CLEAR(callbacks);
    AdErr_SetRaisedException(saved);
}

static void run_at_exit(AdInterp *interp, void *arg)
{
    (void)interp;
    (void)arg;
    AdAtexit_RunCallbacks();
}

static AdObject *ae_register(AdObject *m, AdObject *args, AdObject *kwargs)
{
    (void)m;
    if (AdTuple_GET_SIZE(args) < 1) {
        AdErr_SetString(AdExc_TypeError, "register() takes at least 1 argument (0 given)");
        return NULL;
    }
    AdObject *func = AdTuple_GET_ITEM(args, 0);
    AdTypeObject *t = AD_TYPE(func);
    if (!t->tp_call && !(AdType_HasFeature(t, AD_TPFLAGS_HAVE_VECTORCALL) && t->tp_vectorcall_offset > 0)) {
        AdErr_SetString(AdExc_TypeError, "the first argument must be callable");
        return NULL;
    }
    if (ensure_list() < 0)
        return NULL;
    Ad_ssize_t n = AdTuple_GET_SIZE(args);
    AdObject *rest = AdTuple_New(n - 1);
    if (!rest)
        return NULL;
    for (Ad_ssize_t i = 1; i < n; i++)
        AdTuple_SET_ITEM(rest, i - 1, Ad_NewRef(AdTuple_GET_ITEM(args, i)));
    AdObject *kw = kwargs && AdObject_Size(kwargs) > 0 ? kwargs : Ad_None;
    AdObject *entry = AdTuple_Pack(3, func, rest, kw);
    Ad_DECREF(rest);
    if (!entry || AdList_Append(callbacks, entry) < 0) {
        Ad_XDECREF(entry);
        return NULL;
    }
    Ad_DECREF(entry);
    return Ad_NewRef(func);
}

static AdObject *ae_unregister(AdObject *m, AdObject *func)
{
    (void)m;
    if (!callbacks)
        Ad_RETURN_NONE;
    for (Ad_ssize_t i = AdList_GET_SIZE(callbacks) - 1; i >= 0; i--) {
        if (i >= AdList_GET_SIZE(callbacks))
            continue;
        AdObject *entry = Ad_NewRef(AdList_GET_ITEM(callbacks, i));
        int eq = AdObject_RichCompareBool(AdTuple_GET_ITEM(entry, 0), func, AD_EQ);
        Ad_DECREF(entry);
        if (eq < 0)
            return NULL;
        if (eq) {
            AdObject *idx = AdInt_FromInt64(i);
            int rc = idx ? AdObject_DelItem(callbacks, idx) : -1;
            Ad_XDECREF(idx);
            if (rc < 0)
                return NULL;
        }
    }
    Ad_RETURN_NONE;
}

static AdObject *ae_run(AdObject *m, AdObject *unused)
{
    (void)m;
    (void)unused;
    AdAtexit_RunCallbacks();
    Ad_RETURN_NONE;
}

static AdObject *ae_clear(AdObject *m, AdObject *unused)
{
    (void)m;
    (void)unused;
    if (callbacks) {
        AdObject *old = callbacks;
        callbacks = NULL;
        Ad_DECREF(old);
    }
    Ad_RETURN_NONE;
}

static AdObject *ae_ncallbacks(AdObject *m, AdObject *unused)
{
    (void)m;
    (void)unused;
    return AdInt_FromInt64(callbacks ? AdList_GET_SIZE(callbacks) : 0);
}

static AdMethodDef atexit_methods[] = {
    {"register", POSIX_FN(ae_register), AD_METH_VARARGS | AD_METH_KEYWORDS,
     "Register a function to be executed upon normal program termination\n\n"
     "    func - function to be called at exit\n"
     "    args - optional arguments to pass to func\n"
     "    kwargs - optional keyword arguments to pass to func\n\n"
     "    func is returned to facilitate usage as a decorator."},
    {"unregister", POSIX_FN(ae_unregister), AD_METH_O,
     "Unregister an exit function which was previously registered using\n"
     "atexit.register\n\n"
     "    func - function to be unregistered"},
    {"_run_exitfuncs", POSIX_FN(ae_run), AD_METH_NOARGS, "Run all registered exit functions.\n\n"
     "If a callback raises an exception, it is logged with sys.unraisablehook."},
    {"_clear", POSIX_FN(ae_clear), AD_METH_NOARGS, "Clear the list of previously registered exit functions."},
    {"_ncallbacks", POSIX_FN(ae_ncallbacks), AD_METH_NOARGS, "Return the number of registered exit functions."},
    {NULL, NULL, 0, NULL},
};

AdObject *AdAtexit_NewModule(void)
{
    AdObject *m = AdModule_New("atexit");
    if (!m)
        return NULL;
    if (AdModule_SetDocString(m, "allow programmer to define multiple exit functions to be executed\n"
                                 "upon normal program termination.\n\n"
                                 "Two public functions, register and unregister, are defined.\n") < 0 ||
        AdModule_AddFunctions(m, atexit_methods) < 0) {
        Ad_DECREF(m);
        return NULL;
    }
    AdInterp *interp = ad_current_thread ? ad_current_thread->interp : NULL;
    if (interp && interp != hooked_interp) {
        if (Ad_InterpAtExit(interp, run_at_exit, NULL) == 0)
            hooked_interp = interp;
    }
    return m;
}
