/* signal.c: the first signal module (also importable as _signal): signal,
 * getsignal, default_int_handler, raise_signal, alarm, strsignal,
 * valid_signals, SIG_DFL/SIG_IGN/NSIG and the SIG* numbers. Python
 * handlers run from the eval breaker: the C handler only trips flags
 * (runtime/signals.c) and AdErr_SignalHandlersHook, installed here, calls
 * the handlers of the tripped signals in the main thread. */
#include "import/builtin_modules.h"
#include "objects/abstract.h"
#include "objects/errors.h"
#include "objects/exceptions.h"
#include "objects/int.h"
#include "objects/module.h"
#include "objects/dict.h"
#include "objects/set.h"
#include "objects/str.h"
#include "runtime/interp.h"
#include "runtime/lifecycle.h"
#include "runtime/runtime.h"
#include "runtime/signals.h"
#include "runtime/gil.h"

#include <errno.h>
#include <signal.h>
#include <string.h>
#include <sys/syscall.h>
#include <sys/time.h>
#include <unistd.h>

#define FN(f) ((void (*)(void))(f))

/* The Python-level handler of each signal (new refs; NULL: never set, the
 * process default or Adder's own disposition applies). */
static AdObject *handlers[AD_NSIG];
static AdObject *default_int_handler;     /* the builtin function object */
static AdObject *sig_dfl, *sig_ign;       /* the ints 0 and 1 (immortal small ints) */

static int is_callable(AdObject *o)
{
    return AD_TYPE(o)->tp_call != NULL;
}

static int in_main_thread(void)
{
    AdThread *t = Ad_CurrentThread();
    return getpid() == (pid_t)syscall(SYS_gettid) && (!t || t->interp == Ad_MainInterp());
}

static int signum_arg(AdObject *o, int *out)
{
    int64_t v = AdInt_AsInt64(o);
    if (v == -1 && AdErr_Occurred())
        return -1;
    if (v < 1 || v >= AD_NSIG) {
        AdErr_SetString(AdExc_ValueError, "signal number out of range");
        return -1;
    }
    *out = (int)v;
    return 0;
}

/* ---- running handlers ------------------------------------------------------------------- */

static int run_handlers(void)
{
    if (!in_main_thread())
        return 0;
    ad_runtime.signals.is_tripped = 0;
    for (int s = 1; s < AD_NSIG; s++) {
        if (!ad_runtime.signals.tripped[s])
            continue;
        ad_runtime.signals.tripped[s] = 0;
        AdObject *h = handlers[s];
        if (!h) {
            if (s == SIGINT) {
                AdErr_SetNone(AdExc_KeyboardInterrupt);
                goto fail;
            }
            continue;
        }
        if (h == sig_dfl || h == sig_ign || !is_callable(h))
            continue;
        AdObject *num = AdInt_FromInt64(s);
        if (!num)
            goto fail;
        AdObject *args[2] = {num, Ad_None};
        Ad_INCREF(h);
        AdObject *r = AdObject_Vectorcall(h, args, 2, NULL);
        Ad_DECREF(h);
        Ad_DECREF(num);
        if (!r)
            goto fail;
        Ad_DECREF(r);
    }
    return 0;
fail:
    /* Signals not yet handled stay pending for the next check. */
    for (int s = 1; s < AD_NSIG; s++)
        if (ad_runtime.signals.tripped[s])
            ad_runtime.signals.is_tripped = 1;
    return -1;
}

/* ---- functions -------------------------------------------------------------------------- */

static AdObject *sig_default_int_handler(AdObject *m, AdObject *const *args, Ad_ssize_t nargs)
{
    (void)m;
    (void)args;
    (void)nargs;
    AdErr_SetNone(AdExc_KeyboardInterrupt);
    return NULL;
}

/* The handler currently in effect for signum, as getsignal reports it. */
static AdObject *current_handler(int signum)
{
    if (handlers[signum])
        return Ad_NewRef(handlers[signum]);
    if (signum == SIGINT && ad_runtime.signals.handlers_installed) {
        struct sigaction old;
        if (sigaction(SIGINT, NULL, &old) == 0 && old.sa_handler == SIG_IGN)
            return Ad_NewRef(sig_ign);
        return Ad_NewRef(default_int_handler);
    }
    struct sigaction old;
    if (sigaction(signum, NULL, &old) != 0)
        Ad_RETURN_NONE;
    if (old.sa_handler == SIG_DFL)
        return Ad_NewRef(sig_dfl);
    if (old.sa_handler == SIG_IGN)
        return Ad_NewRef(sig_ign);
    Ad_RETURN_NONE;
}

static AdObject *sig_getsignal(AdObject *m, AdObject *arg)
{
    (void)m;
    int s;
    if (signum_arg(arg, &s) < 0)
        return NULL;
    return current_handler(s);
}

static AdObject *sig_signal(AdObject *m, AdObject *const *args, Ad_ssize_t nargs)
{
    (void)m;
    if (nargs != 2)
        return AdErr_Format(AdExc_TypeError, "signal expected 2 arguments, got %zd", nargs);
    int s;
    if (signum_arg(args[0], &s) < 0)
        return NULL;
    AdObject *h = args[1];
    if (!in_main_thread()) {
        AdErr_SetString(AdExc_ValueError, "signal only works in main thread of the main interpreter");
        return NULL;
    }
    void (*c_handler)(int) = NULL;
    int use_trip = 0;
    if (AdInt_Check(h) && !is_callable(h)) {
        int64_t v = AdInt_AsInt64(h);
        if (v == 0)
            c_handler = SIG_DFL, h = sig_dfl;
        else if (v == 1)
            c_handler = SIG_IGN, h = sig_ign;
        else
            h = NULL;
    } else if (is_callable(h)) {
        use_trip = 1;
    } else {
        h = NULL;
    }
    if (!h) {
        AdErr_SetString(AdExc_TypeError,
                        "signal handler must be signal.SIG_IGN, signal.SIG_DFL, or a callable object");
        return NULL;
    }
    if (s == SIGKILL || s == SIGSTOP) {
        errno = EINVAL;
        return AdErr_SetFromErrno(AdExc_OSError);
    }
    AdObject *old = current_handler(s);
    if (!old)
        return NULL;
    int rc;
    if (use_trip) {
        rc = Ad_SignalsSetTripHandler(s);
    } else {
        struct sigaction sa;
        memset(&sa, 0, sizeof sa);
        sa.sa_handler = c_handler;
        sigemptyset(&sa.sa_mask);
        rc = sigaction(s, &sa, NULL);
    }
    if (rc != 0) {
        Ad_DECREF(old);
        return AdErr_SetFromErrno(AdExc_OSError);
    }
    AdObject *prev = handlers[s];
    handlers[s] = Ad_NewRef(h);
    Ad_XDECREF(prev);
    AdErr_SignalHandlersHook = run_handlers;
    return old;
}

static AdObject *sig_raise_signal(AdObject *m, AdObject *arg)
{
    (void)m;
    int s;
    if (signum_arg(arg, &s) < 0)
        return NULL;
    if (raise(s) != 0)
        return AdErr_SetFromErrno(AdExc_OSError);
    if (AdErr_CheckSignals() < 0)
        return NULL;
    Ad_RETURN_NONE;
}

static AdObject *sig_alarm(AdObject *m, AdObject *arg)
{
    (void)m;
    int64_t v = AdInt_AsInt64(arg);
    if (v == -1 && AdErr_Occurred())
        return NULL;
    return AdInt_FromInt64(alarm((unsigned)v));
}

static AdObject *sig_pause(AdObject *m, AdObject *u)
{
    (void)m;
    (void)u;
    Ad_BEGIN_ALLOW_THREADS
    pause();
    Ad_END_ALLOW_THREADS
    if (AdErr_CheckSignals() < 0)
        return NULL;
    Ad_RETURN_NONE;
}

static AdObject *sig_strsignal(AdObject *m, AdObject *arg)
{
    (void)m;
    int s;
    if (signum_arg(arg, &s) < 0)
        return NULL;
    const char *d = sigdescr_np(s);
    if (!d)
        Ad_RETURN_NONE;
    return AdStr_FromString(d);
}

static AdObject *sig_valid_signals(AdObject *m, AdObject *u)
{
    (void)m;
    (void)u;
    AdObject *set = AdSet_New(NULL);
    sigset_t all;
    sigfillset(&all);
    for (int s = 1; set && s < AD_NSIG; s++) {
        if (sigismember(&all, s) != 1)
            continue;
        AdObject *v = AdInt_FromInt64(s);
        if (!v || AdSet_Add(set, v) < 0)
            AD_CLEAR(set);
        Ad_XDECREF(v);
    }
    return set;
}

static AdMethodDef signal_methods[] = {
    {"default_int_handler", FN(sig_default_int_handler), AD_METH_FASTCALL,
     "default_int_handler($module, signalnum, frame, /)\n--\n\nThe default handler for SIGINT installed by Python.\n\nIt raises KeyboardInterrupt."},
    {"signal", FN(sig_signal), AD_METH_FASTCALL,
     "signal($module, signalnum, handler, /)\n--\n\nSet the action for the given signal."},
    {"getsignal", FN(sig_getsignal), AD_METH_O,
     "getsignal($module, signalnum, /)\n--\n\nReturn the current action for the given signal."},
    {"raise_signal", FN(sig_raise_signal), AD_METH_O,
     "raise_signal($module, signalnum, /)\n--\n\nSend a signal to the executing process."},
    {"alarm", FN(sig_alarm), AD_METH_O,
     "alarm($module, seconds, /)\n--\n\nArrange for SIGALRM to arrive after the given number of seconds."},
    {"pause", FN(sig_pause), AD_METH_NOARGS,
     "pause($module, /)\n--\n\nWait until a signal arrives."},
    {"strsignal", FN(sig_strsignal), AD_METH_O,
     "strsignal($module, signalnum, /)\n--\n\nReturn the system description of the given signal."},
    {"valid_signals", FN(sig_valid_signals), AD_METH_NOARGS,
     "valid_signals($module, /)\n--\n\nReturn a set of valid signal numbers on this platform."},
    {NULL, NULL, 0, NULL},
};

AdObject *AdModule_InitSignal(void)
{
    AdObject *m = AdModule_New("signal");
    if (!m)
        return NULL;
    static const struct {
        const char *name;
        int value;
    } sigs[] = {
        {"SIGHUP", SIGHUP}, {"SIGINT", SIGINT}, {"SIGQUIT", SIGQUIT}, {"SIGILL", SIGILL},
        {"SIGTRAP", SIGTRAP}, {"SIGABRT", SIGABRT}, {"SIGIOT", SIGIOT}, {"SIGBUS", SIGBUS},
        {"SIGFPE", SIGFPE}, {"SIGKILL", SIGKILL}, {"SIGUSR1", SIGUSR1}, {"SIGSEGV", SIGSEGV},
        {"SIGUSR2", SIGUSR2}, {"SIGPIPE", SIGPIPE}, {"SIGALRM", SIGALRM}, {"SIGTERM", SIGTERM},
        {"SIGSTKFLT", SIGSTKFLT}, {"SIGCHLD", SIGCHLD}, {"SIGCONT", SIGCONT}, {"SIGSTOP", SIGSTOP},
        {"SIGTSTP", SIGTSTP}, {"SIGTTIN", SIGTTIN}, {"SIGTTOU", SIGTTOU}, {"SIGURG", SIGURG},
        {"SIGXCPU", SIGXCPU}, {"SIGXFSZ", SIGXFSZ}, {"SIGVTALRM", SIGVTALRM}, {"SIGPROF", SIGPROF},
        {"SIGWINCH", SIGWINCH}, {"SIGIO", SIGIO}, {"SIGPOLL", SIGPOLL}, {"SIGPWR", SIGPWR},
        {"SIGSYS", SIGSYS}, {"SIG_BLOCK", SIG_BLOCK}, {"SIG_UNBLOCK", SIG_UNBLOCK},
        {"SIG_SETMASK", SIG_SETMASK}, {"ITIMER_REAL", ITIMER_REAL}, {"ITIMER_VIRTUAL", ITIMER_VIRTUAL},
        {"ITIMER_PROF", ITIMER_PROF},
    };
    if (!sig_dfl) {
        sig_dfl = AdInt_FromInt64(0);
        sig_ign = AdInt_FromInt64(1);
    }
    if (AdModule_SetDocString(m, "This module provides mechanisms to use signal handlers in Python.") < 0 ||
        AdModule_AddFunctions(m, signal_methods) < 0 ||
        AdModule_AddIntConstant(m, "SIG_DFL", 0) < 0 || AdModule_AddIntConstant(m, "SIG_IGN", 1) < 0 ||
        AdModule_AddIntConstant(m, "NSIG", AD_NSIG) < 0 ||
        AdModule_AddIntConstant(m, "SIGRTMIN", SIGRTMIN) < 0 ||
        AdModule_AddIntConstant(m, "SIGRTMAX", SIGRTMAX) < 0)
        goto fail;
    for (size_t i = 0; i < sizeof sigs / sizeof *sigs; i++)
        if (AdModule_AddIntConstant(m, sigs[i].name, sigs[i].value) < 0)
            goto fail;
    if (!default_int_handler) {
        default_int_handler = AdDict_GetItemString(AdModule_GetDict(m), "default_int_handler");
        Ad_XINCREF(default_int_handler);
    }
    return m;
fail:
    Ad_DECREF(m);
    return NULL;
}
