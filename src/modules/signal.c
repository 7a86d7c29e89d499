/* signal.c: the _signal module (also importable as signal until
 * Lib/signal.py imports): signal, getsignal, default_int_handler,
 * raise_signal, alarm, pause, strsignal, valid_signals, setitimer/
 * getitimer/ItimerError, siginterrupt, set_wakeup_fd, pthread_kill,
 * pthread_sigmask, sigpending, sigwait, sigwaitinfo/sigtimedwait with
 * struct_siginfo, SIG_DFL/SIG_IGN/NSIG and the SIG* numbers. Python
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
#include "objects/float.h"
#include "objects/structseq.h"
#include "objects/tuple.h"
#include "vm/ceval.h"
#include "objects/list.h"
#include "objects/typeobject.h"
#include "runtime/gil.h"

#include <errno.h>
#include <math.h>
#include <pthread.h>
#include <signal.h>
#include <sys/stat.h>
#include <fcntl.h>
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
static AdObject *itimer_error;            /* signal.itimer_error, a subclass of OSError */

static int is_callable(AdObject *o)
{
    return AD_TYPE(o)->tp_call != NULL;
}

static int in_main_thread(void)
{
    AdThread *t = Ad_CurrentThread();
    return getpid() == (pid_t)syscall(SYS_gettid) && (!t || t->interp == Ad_MainInterp());
}

/* An int argument (index protocol; floats refused as CPython does). */
static int int_arg(AdObject *o, int64_t *out)
{
    if (AdFloat_Check(o)) {
        AdErr_SetString(AdExc_TypeError, "'float' object cannot be interpreted as an integer");
        return -1;
    }
    AdObject *i = AdNumber_Index(o);
    if (!i)
        return -1;
    *out = AdInt_AsInt64(i);
    Ad_DECREF(i);
    if (*out == -1 && AdErr_Occurred())
        return -1;
    return 0;
}

static int signum_arg(AdObject *o, int *out)
{
    int64_t v;
    if (int_arg(o, &v) < 0)
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
    int werr = Ad_SignalsTakeWakeupError();
    if (werr) {
        errno = werr;
        AdErr_SetFromErrno(AdExc_OSError);
        AdErr_FormatUnraisable("Exception ignored when trying to write to the signal wakeup fd");
    }
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
        AdObject *frame = AdEval_GetFrame();
        AdObject *args[2] = {num, frame ? frame : Ad_None};
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

/* At exit (step 7), signals that had Python handlers get their default
 * action back, as CPython does, so that one arriving after the interpreter
 * is gone is not swallowed by the trip handler. The handler objects are
 * left alone: the objects they reference may be gone by then. */
static void signal_fini(void)
{
    for (int s = 1; s < AD_NSIG; s++) {
        AdObject *h = handlers[s];
        if (!h || h == sig_dfl || h == sig_ign || s == SIGINT)
            continue;
        signal(s, SIG_DFL);
    }
    ad_runtime.signals.wakeup_fd = -1;
}

/* Step 7 (before the thread states and builtins go): the default actions
 * come back as above, then the module's C statics drop their objects (the
 * handlers, default_int_handler, ItimerError). A signal tripped later is
 * never run. */
static int signal_release(AdInterp *interp)
{
    (void)interp;
    signal_fini();
    for (int s = 1; s < AD_NSIG; s++)
        AD_CLEAR(handlers[s]);
    AD_CLEAR(default_int_handler);
    AD_CLEAR(itimer_error);
    return 0;
}

static AdObject *sig_signal(AdObject *m, AdObject *const *args, Ad_ssize_t nargs)
{
    (void)m;
    if (nargs != 2)
        return AdErr_Format(AdExc_TypeError, "signal expected 2 arguments, got %zd", nargs);
    int s;
    int64_t sv;
    if (int_arg(args[0], &sv) < 0)
        return NULL;
    AdObject *h = args[1];
    if (!in_main_thread()) {
        AdErr_SetString(AdExc_ValueError, "signal only works in main thread of the main interpreter");
        return NULL;
    }
    if (sv < 1 || sv >= AD_NSIG) {
        AdErr_SetString(AdExc_ValueError, "signal number out of range");
        return NULL;
    }
    s = (int)sv;
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
    if (AdErr_CheckSignals() < 0)
        return NULL;
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
    static int fini_registered;
    if (use_trip && !fini_registered && Ad_AtExit(signal_fini) == 0)
        fini_registered = 1;
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
    int64_t v;
    if (int_arg(arg, &v) < 0)
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
    const char *d = strsignal(s);
    if (!d || strstr(d, "Unknown signal"))
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

/* ---- interval timers ---------------------------------------------------------------------- */



static int timeval_arg(AdObject *o, struct timeval *tv)
{
    double d;
    if (AdFloat_Check(o)) {
        d = AdFloat_AsDouble(o);
    } else {
        int64_t v;
        if (int_arg(o, &v) < 0)
            return -1;
        d = (double)v;
    }
    if (isnan(d)) {
        AdErr_SetString(AdExc_ValueError, "Invalid value NaN (not a number)");
        return -1;
    }
    if (d > 9.2e18 || d < -9.2e18) {
        AdErr_SetString(AdExc_OverflowError, "timestamp too large to convert to C _PyTime_t");
        return -1;
    }
    double sec = floor(d);
    tv->tv_sec = (time_t)sec;
    tv->tv_usec = (suseconds_t)ceil((d - sec) * 1e6);
    if (tv->tv_usec >= 1000000) {
        tv->tv_sec++;
        tv->tv_usec -= 1000000;
    }
    return 0;
}

static AdObject *itimer_tuple(const struct itimerval *v)
{
    AdObject *a = AdFloat_FromDouble((double)v->it_value.tv_sec + (double)v->it_value.tv_usec / 1e6);
    AdObject *b = AdFloat_FromDouble((double)v->it_interval.tv_sec + (double)v->it_interval.tv_usec / 1e6);
    AdObject *t = a && b ? AdTuple_Pack(2, a, b) : NULL;
    Ad_XDECREF(a);
    Ad_XDECREF(b);
    return t;
}

static AdObject *sig_setitimer(AdObject *m, AdObject *const *args, Ad_ssize_t nargs)
{
    (void)m;
    if (nargs < 2 || nargs > 3)
        return AdErr_Format(AdExc_TypeError, "setitimer expected %s, got %zd",
                            nargs < 2 ? "at least 2 arguments" : "at most 3 arguments", nargs);
    int64_t which;
    struct itimerval nv, old;
    memset(&nv, 0, sizeof nv);
    if (int_arg(args[0], &which) < 0 || timeval_arg(args[1], &nv.it_value) < 0 ||
        (nargs == 3 && timeval_arg(args[2], &nv.it_interval) < 0))
        return NULL;
    if (setitimer((int)which, &nv, &old) != 0)
        return AdErr_SetFromErrno(itimer_error);
    return itimer_tuple(&old);
}

static AdObject *sig_getitimer(AdObject *m, AdObject *arg)
{
    (void)m;
    int64_t which;
    if (int_arg(arg, &which) < 0)
        return NULL;
    struct itimerval v;
    if (getitimer((int)which, &v) != 0)
        return AdErr_SetFromErrno(itimer_error);
    return itimer_tuple(&v);
}

static AdObject *sig_siginterrupt(AdObject *m, AdObject *const *args, Ad_ssize_t nargs)
{
    (void)m;
    if (nargs != 2)
        return AdErr_Format(AdExc_TypeError, "siginterrupt expected 2 arguments, got %zd", nargs);
    int s;
    int64_t flag;
    if (signum_arg(args[0], &s) < 0 || int_arg(args[1], &flag) < 0)
        return NULL;
    struct sigaction sa;
    if (sigaction(s, NULL, &sa) != 0)
        return AdErr_SetFromErrno(AdExc_OSError);
    if (flag)
        sa.sa_flags &= ~SA_RESTART;
    else
        sa.sa_flags |= SA_RESTART;
    if (sigaction(s, &sa, NULL) != 0)
        return AdErr_SetFromErrno(AdExc_OSError);
    Ad_RETURN_NONE;
}

static AdObject *sig_set_wakeup_fd(AdObject *m, AdObject *const *args, Ad_ssize_t nargs, AdObject *kwnames)
{
    (void)m;
    Ad_ssize_t nkw = kwnames ? AdTuple_GET_SIZE(kwnames) : 0;
    if (nargs != 1) {
        if (nargs == 0 && nkw == 0)
            return AdErr_Format(AdExc_TypeError, "set_wakeup_fd() missing required argument 'fd' (pos 1)");
        if (nargs == 0)
            return AdErr_Format(AdExc_TypeError, "set_wakeup_fd() takes at least 1 positional argument (0 given)");
        return AdErr_Format(AdExc_TypeError, "set_wakeup_fd() takes exactly 1 positional argument (%zd given)",
                            nargs);
    }
    int warn = 1;
    for (Ad_ssize_t k = 0; k < nkw; k++) {
        const char *name = AdStr_AsUTF8(AdTuple_GET_ITEM(kwnames, k));
        if (!name)
            return NULL;
        if (strcmp(name, "warn_on_full_buffer"))
            return AdErr_Format(AdExc_TypeError, "set_wakeup_fd() got an unexpected keyword argument '%s'", name);
        if ((warn = AdObject_IsTrue(args[nargs + k])) < 0)
            return NULL;
    }
    int64_t fd;
    if (int_arg(args[0], &fd) < 0)
        return NULL;
    if (!in_main_thread()) {
        AdErr_SetString(AdExc_ValueError, "set_wakeup_fd only works in main thread of the main interpreter");
        return NULL;
    }
    if (fd != -1) {
        struct stat st;
        if (fd < -1 || fd > INT32_MAX) {
            errno = EBADF;
            return AdErr_SetFromErrno(AdExc_OSError);
        }
        if (fstat((int)fd, &st) != 0)
            return AdErr_SetFromErrno(AdExc_OSError);
        int fl = fcntl((int)fd, F_GETFL);
        if (fl < 0)
            return AdErr_SetFromErrno(AdExc_OSError);
        if (!(fl & O_NONBLOCK))
            return AdErr_Format(AdExc_ValueError, "the fd %i must be in non-blocking mode", (int)fd);
    }
    int old = ad_runtime.signals.wakeup_fd;
    Ad_SignalsSetWakeupWarn(warn);
    ad_runtime.signals.wakeup_fd = (int)fd;
    return AdInt_FromInt64(old);
}

/* ---- masks ---------------------------------------------------------------------------------- */

static int iterable_to_sigset(AdObject *o, sigset_t *set)
{
    sigemptyset(set);
    AdObject *list = AdSequence_List(o);
    if (!list)
        return -1;
    for (Ad_ssize_t i = 0; i < AdList_GET_SIZE(list); i++) {
        int64_t v;
        if (int_arg(AdList_GET_ITEM(list, i), &v) < 0) {
            Ad_DECREF(list);
            return -1;
        }
        if (v < 1 || v >= AD_NSIG) {
            Ad_DECREF(list);
            AdErr_Format(AdExc_ValueError, "signal number %ld out of range [1; %i]", (long)v, AD_NSIG - 1);
            return -1;
        }
        sigaddset(set, (int)v);
    }
    Ad_DECREF(list);
    return 0;
}

static AdObject *sigset_to_set(const sigset_t *set)
{
    AdObject *r = AdSet_New(NULL);
    for (int s = 1; r && s < AD_NSIG; s++) {
        if (sigismember(set, s) != 1)
            continue;
        AdObject *v = AdInt_FromInt64(s);
        if (!v || AdSet_Add(r, v) < 0)
            AD_CLEAR(r);
        Ad_XDECREF(v);
    }
    return r;
}

static AdObject *sig_pthread_sigmask(AdObject *m, AdObject *const *args, Ad_ssize_t nargs)
{
    (void)m;
    if (nargs != 2)
        return AdErr_Format(AdExc_TypeError, "pthread_sigmask expected 2 arguments, got %zd", nargs);
    int64_t how;
    sigset_t set, old;
    if (int_arg(args[0], &how) < 0 || iterable_to_sigset(args[1], &set) < 0)
        return NULL;
    int err = pthread_sigmask((int)how, &set, &old);
    if (err) {
        errno = err;
        return AdErr_SetFromErrno(AdExc_OSError);
    }
    /* Signals just unblocked may be pending: run their handlers now. */
    if (AdErr_CheckSignals() < 0)
        return NULL;
    return sigset_to_set(&old);
}

static AdObject *sig_sigpending(AdObject *m, AdObject *unused)
{
    (void)m;
    (void)unused;
    sigset_t set;
    if (sigpending(&set) != 0)
        return AdErr_SetFromErrno(AdExc_OSError);
    return sigset_to_set(&set);
}

static AdObject *sig_sigwait(AdObject *m, AdObject *arg)
{
    (void)m;
    sigset_t set;
    if (iterable_to_sigset(arg, &set) < 0)
        return NULL;
    int sig = 0;
    int err = sigwait(&set, &sig);
    if (err) {
        errno = err;
        return AdErr_SetFromErrno(AdExc_OSError);
    }
    return AdInt_FromInt64(sig);
}

static const AdStructSeqField siginfo_fields[] = {
    {"si_signo", "signal number"},
    {"si_code", "signal code"},
    {"si_errno", "errno associated with this signal"},
    {"si_pid", "sending process ID"},
    {"si_uid", "real user ID of sending process"},
    {"si_status", "exit value or signal"},
    {"si_band", "band event for SIGPOLL"},
    {NULL, NULL},
};
static const AdStructSeqDesc siginfo_desc = {
    "signal.struct_siginfo",
    "struct_siginfo: Result from sigwaitinfo or sigtimedwait.\n\n"
    "This object may be accessed either as a tuple of\n"
    "(si_signo, si_code, si_errno, si_pid, si_uid, si_status, si_band),\n"
    "or via the attributes si_signo, si_code, and so on.",
    siginfo_fields, 7,
};
static AdTypeObject siginfo_type;

static AdObject *siginfo_result(const siginfo_t *si)
{
    AdObject *r = AdStructSeq_New(&siginfo_type);
    if (!r)
        return NULL;
    int64_t v[7] = {si->si_signo, si->si_code, si->si_errno, si->si_pid, si->si_uid, si->si_status,
                    si->si_band};
    int bad = 0;
    for (int i = 0; i < 7; i++) {
        AdObject *o = AdInt_FromInt64(v[i]);
        if (!o)
            bad = 1;
        AdStructSeq_SET_ITEM(r, i, o ? o : Ad_NewRef(Ad_None));
    }
    if (bad) {
        Ad_DECREF(r);
        return NULL;
    }
    return r;
}

static AdObject *sig_sigwaitinfo(AdObject *m, AdObject *arg)
{
    (void)m;
    sigset_t set;
    if (iterable_to_sigset(arg, &set) < 0)
        return NULL;
    siginfo_t si;
    for (;;) {
        if (sigwaitinfo(&set, &si) >= 0)
            break;
        if (errno != EINTR)
            return AdErr_SetFromErrno(AdExc_OSError);
        if (AdErr_CheckSignals() < 0)
            return NULL;
    }
    return siginfo_result(&si);
}

static AdObject *sig_sigtimedwait(AdObject *m, AdObject *const *args, Ad_ssize_t nargs)
{
    (void)m;
    if (nargs != 2)
        return AdErr_Format(AdExc_TypeError, "sigtimedwait expected 2 arguments, got %zd", nargs);
    sigset_t set;
    if (iterable_to_sigset(args[0], &set) < 0)
        return NULL;
    struct timeval tv;
    if (timeval_arg(args[1], &tv) < 0)
        return NULL;
    if (tv.tv_sec < 0) {
        AdErr_SetString(AdExc_ValueError, "timeout must be non-negative");
        return NULL;
    }
    struct timespec now, deadline;
    clock_gettime(CLOCK_MONOTONIC, &now);
    deadline.tv_sec = now.tv_sec + tv.tv_sec;
    deadline.tv_nsec = now.tv_nsec + tv.tv_usec * 1000;
    if (deadline.tv_nsec >= 1000000000) {
        deadline.tv_sec++;
        deadline.tv_nsec -= 1000000000;
    }
    siginfo_t si;
    struct timespec left = {tv.tv_sec, tv.tv_usec * 1000};
    for (;;) {
        if (sigtimedwait(&set, &si, &left) >= 0)
            break;
        if (errno == EAGAIN)
            Ad_RETURN_NONE;
        if (errno != EINTR)
            return AdErr_SetFromErrno(AdExc_OSError);
        if (AdErr_CheckSignals() < 0)
            return NULL;
        clock_gettime(CLOCK_MONOTONIC, &now);
        left.tv_sec = deadline.tv_sec - now.tv_sec;
        left.tv_nsec = deadline.tv_nsec - now.tv_nsec;
        if (left.tv_nsec < 0) {
            left.tv_sec--;
            left.tv_nsec += 1000000000;
        }
        if (left.tv_sec < 0)
            left.tv_sec = left.tv_nsec = 0;
    }
    return siginfo_result(&si);
}

static AdObject *sig_pthread_kill(AdObject *m, AdObject *const *args, Ad_ssize_t nargs)
{
    (void)m;
    if (nargs != 2)
        return AdErr_Format(AdExc_TypeError, "pthread_kill expected 2 arguments, got %zd", nargs);
    AdObject *tid = AdNumber_Index(args[0]);
    if (!tid)
        return NULL;
    int64_t id = AdInt_AsInt64(tid);
    Ad_DECREF(tid);
    if (id == -1 && AdErr_Occurred())
        return NULL;
    if (id < 0) {
        AdErr_SetString(AdExc_OverflowError, "can't convert negative int to unsigned");
        return NULL;
    }
    int64_t s;
    if (int_arg(args[1], &s) < 0)
        return NULL;
    int err = pthread_kill((pthread_t)id, (int)s);
    if (err) {
        errno = err;
        return AdErr_SetFromErrno(AdExc_OSError);
    }
    if (AdErr_CheckSignals() < 0)
        return NULL;
    Ad_RETURN_NONE;
}

static AdObject *sig_pidfd_send_signal(AdObject *m, AdObject *const *args, Ad_ssize_t nargs)
{
    (void)m;
    if (nargs < 2 || nargs > 4)
        return AdErr_Format(AdExc_TypeError, "pidfd_send_signal expected %s, got %zd",
                            nargs < 2 ? "at least 2 arguments" : "at most 4 arguments", nargs);
    int64_t fd, s, flags = 0;
    if (int_arg(args[0], &fd) < 0 || int_arg(args[1], &s) < 0 || (nargs == 4 && int_arg(args[3], &flags) < 0))
        return NULL;
    if (nargs >= 3 && args[2] != Ad_None) {
        AdErr_SetString(AdExc_TypeError, "siginfo must be None");
        return NULL;
    }
#ifdef SYS_pidfd_send_signal
    if (syscall(SYS_pidfd_send_signal, (int)fd, (int)s, NULL, (unsigned)flags) < 0)
        return AdErr_SetFromErrno(AdExc_OSError);
    Ad_RETURN_NONE;
#else
    errno = ENOSYS;
    return AdErr_SetFromErrno(AdExc_OSError);
#endif
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
    {"pidfd_send_signal", FN(sig_pidfd_send_signal), AD_METH_FASTCALL,
     "pidfd_send_signal($module, pidfd, signalnum, siginfo=None, flags=0, /)\n--\n\nSend a signal to a process referred to by a pid file descriptor."},
    {"setitimer", FN(sig_setitimer), AD_METH_FASTCALL,
     "setitimer($module, which, seconds, interval=0.0, /)\n--\n\nSets given itimer (one of ITIMER_REAL, ITIMER_VIRTUAL or ITIMER_PROF)."},
    {"getitimer", FN(sig_getitimer), AD_METH_O,
     "getitimer($module, which, /)\n--\n\nReturns current value of given itimer."},
    {"siginterrupt", FN(sig_siginterrupt), AD_METH_FASTCALL,
     "siginterrupt($module, signalnum, flag, /)\n--\n\nChange system call restart behaviour."},
    {"set_wakeup_fd", FN(sig_set_wakeup_fd), AD_METH_FASTCALL | AD_METH_KEYWORDS,
     "set_wakeup_fd(fd, /, *, warn_on_full_buffer=True)\n\nSets the fd to be written to (with the signal number) when a signal comes in."},
    {"pthread_kill", FN(sig_pthread_kill), AD_METH_FASTCALL,
     "pthread_kill($module, thread_id, signalnum, /)\n--\n\nSend a signal to a thread."},
    {"pthread_sigmask", FN(sig_pthread_sigmask), AD_METH_FASTCALL,
     "pthread_sigmask($module, how, mask, /)\n--\n\nFetch and/or change the signal mask of the calling thread."},
    {"sigpending", FN(sig_sigpending), AD_METH_NOARGS,
     "sigpending($module, /)\n--\n\nExamine pending signals."},
    {"sigwait", FN(sig_sigwait), AD_METH_O,
     "sigwait($module, sigset, /)\n--\n\nWait for a signal."},
    {"sigwaitinfo", FN(sig_sigwaitinfo), AD_METH_O,
     "sigwaitinfo($module, sigset, /)\n--\n\nWait synchronously until one of the signals in *sigset* is delivered."},
    {"sigtimedwait", FN(sig_sigtimedwait), AD_METH_FASTCALL,
     "sigtimedwait($module, sigset, timeout, /)\n--\n\nLike sigwaitinfo(), but with a timeout."},
    {NULL, NULL, 0, NULL},
};

AdObject *AdModule_InitSignal(void)
{
    AdObject *m = AdModule_New("_signal");
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
        {"SIGSTKFLT", SIGSTKFLT}, {"SIGCHLD", SIGCHLD}, {"SIGCLD", SIGCLD}, {"SIGCONT", SIGCONT}, {"SIGSTOP", SIGSTOP},
        {"SIGTSTP", SIGTSTP}, {"SIGTTIN", SIGTTIN}, {"SIGTTOU", SIGTTOU}, {"SIGURG", SIGURG},
        {"SIGXCPU", SIGXCPU}, {"SIGXFSZ", SIGXFSZ}, {"SIGVTALRM", SIGVTALRM}, {"SIGPROF", SIGPROF},
        {"SIGWINCH", SIGWINCH}, {"SIGIO", SIGIO}, {"SIGPOLL", SIGPOLL}, {"SIGPWR", SIGPWR},
        {"SIGSYS", SIGSYS}, {"SIG_BLOCK", SIG_BLOCK}, {"SIG_UNBLOCK", SIG_UNBLOCK},
        {"SIG_SETMASK", SIG_SETMASK}, {"ITIMER_REAL", ITIMER_REAL}, {"ITIMER_VIRTUAL", ITIMER_VIRTUAL},
        {"ITIMER_PROF", ITIMER_PROF},
    };
    static int hook_registered;
    if (!hook_registered && Ad_RegisterFiniHook(AD_FINI_THREADS, signal_release) == 0)
        hook_registered = 1;
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
    if (!itimer_error) {
        AdObject *name = AdStr_FromString("itimer_error");
        AdObject *bases = AdTuple_Pack(1, AdExc_OSError);
        AdObject *dict = AdDict_New();
        AdObject *mod = AdStr_FromString("signal");
        AdObject *targs = NULL;
        if (name && bases && dict && mod && AdDict_SetItemString(dict, "__module__", mod) == 0)
            targs = AdTuple_Pack(3, name, bases, dict);
        if (targs)
            itimer_error = AdObject_Call((AdObject *)&AdType_Type, targs, NULL);
        Ad_XDECREF(name);
        Ad_XDECREF(bases);
        Ad_XDECREF(dict);
        Ad_XDECREF(mod);
        Ad_XDECREF(targs);
        if (!itimer_error)
            goto fail;
    }
    if (!(siginfo_type.tp_flags & AD_TPFLAGS_READY) && AdStructSeq_InitType(&siginfo_type, &siginfo_desc, 0) < 0)
        goto fail;
    if (AdModule_AddObjectRef(m, "ItimerError", itimer_error) < 0 ||
        AdModule_AddObjectRef(m, "struct_siginfo", (AdObject *)&siginfo_type) < 0)
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
