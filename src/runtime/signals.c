/* signals.c: signal handlers and the tripped flags (see signals.h). The
 * handler only sets flags: everything else happens when the main thread
 * polls them. */
#include "runtime/signals.h"
#include "runtime/gil.h"

#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

/* The errno of the last failed write to the wakeup fd (0: none), and
 * whether a full buffer (EAGAIN) counts as a failure to report. */
static volatile sig_atomic_t wakeup_errno;
static volatile sig_atomic_t wakeup_warn_full = 1;

static void note_signal(int signum)
{
    int saved_errno = errno;    /* the interrupted code may be about to read errno */
    if (signum > 0 && signum < AD_NSIG) {
        ad_runtime.signals.tripped[signum] = 1;
        ad_runtime.signals.is_tripped = 1;
        _Atomic uint32_t *breaker = ad_runtime.signals.main_breaker;
        if (breaker)
            atomic_fetch_or_explicit(breaker, AD_EB_SIGNALS, memory_order_relaxed);
    }
    int fd = ad_runtime.signals.wakeup_fd;
    if (fd >= 0) {
        unsigned char byte = (unsigned char)signum;
        if (write(fd, &byte, 1) < 0 && ((errno != EAGAIN && errno != EWOULDBLOCK) || wakeup_warn_full))
            wakeup_errno = errno;
    }
    errno = saved_errno;
}

void Ad_SignalsSetWakeupWarn(int warn)
{
    wakeup_warn_full = warn != 0;
}

int Ad_SignalsTakeWakeupError(void)
{
    int e = wakeup_errno;
    wakeup_errno = 0;
    return e;
}

static int set_handler(AdRuntime *runtime, int signum, void (*handler)(int))
{
    struct sigaction sa;
    memset(&sa, 0, sizeof sa);
    sa.sa_handler = handler;
    sigemptyset(&sa.sa_mask);
    sa.sa_flags = 0;            /* no SA_RESTART: blocking reads see EINTR */
    return sigaction(signum, &sa, &runtime->signals.saved[signum]);
}

int ad_signals_install(AdRuntime *runtime)
{
    if (runtime->signals.handlers_installed)
        return 0;
    /* A SIGINT that the parent process ignores stays ignored (as CPython). */
    struct sigaction old;
    if (sigaction(SIGINT, NULL, &old) == 0 && old.sa_handler == SIG_IGN)
        runtime->signals.saved[SIGINT] = old;
    else if (set_handler(runtime, SIGINT, note_signal) < 0)
        return -1;
    if (set_handler(runtime, SIGPIPE, SIG_IGN) < 0 ||
        set_handler(runtime, SIGXFSZ, SIG_IGN) < 0)
        return -1;
    runtime->signals.handlers_installed = 1;
    return 0;
}

void ad_signals_restore(AdRuntime *runtime)
{
    if (!runtime->signals.handlers_installed)
        return;
    int signums[] = {SIGINT, SIGPIPE, SIGXFSZ};
    for (size_t i = 0; i < sizeof signums / sizeof *signums; i++)
        sigaction(signums[i], &runtime->signals.saved[signums[i]], NULL);
    runtime->signals.handlers_installed = 0;
}

int Ad_SignalsSetTripHandler(int signum)
{
    if (signum <= 0 || signum >= AD_NSIG)
        return -1;
    struct sigaction sa;
    memset(&sa, 0, sizeof sa);
    sa.sa_handler = note_signal;
    sigemptyset(&sa.sa_mask);
    return sigaction(signum, &sa, NULL);
}

int Ad_SignalsTakeInterrupt(AdRuntime *runtime)
{
    if (!runtime->signals.tripped[SIGINT])
        return 0;
    runtime->signals.tripped[SIGINT] = 0;
    runtime->signals.is_tripped = 0;
    return 1;
}

_Noreturn void ad_exit_by_sigint(void)
{
    signal(SIGINT, SIG_DFL);
    sigset_t set;
    sigemptyset(&set);
    sigaddset(&set, SIGINT);
    sigprocmask(SIG_UNBLOCK, &set, NULL);
    kill(getpid(), SIGINT);
    /* Only reached if SIGINT could not kill us. */
    _exit(128 + SIGINT);
}

void Ad_SignalsTrip(int signum)
{
    int saved = errno;
    note_signal(signum);
    errno = saved;
}
