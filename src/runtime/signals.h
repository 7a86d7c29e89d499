/* signals.h: the runtime's signal state: handlers installed at main init
 * (SIGINT noted for the eval breaker, SIGPIPE and SIGXFSZ ignored as
 * CPython does), the tripped flags the evaluation loop polls, and the
 * restoration of the original dispositions at finalization. */
#ifndef ADDER_RUNTIME_SIGNALS_H
#define ADDER_RUNTIME_SIGNALS_H

#include "runtime/runtime.h"

/* Installs Adder's handlers; remembers the old ones. Returns 0 or -1. */
int ad_signals_install(AdRuntime *runtime);
/* Puts back the dispositions replaced by ad_signals_install. */
void ad_signals_restore(AdRuntime *runtime);
/* Makes signum trip the flags that the eval breaker polls (for Python
 * handlers set with signal.signal). 0, or -1 with errno set. */
int Ad_SignalsSetTripHandler(int signum);
/* Whether a wakeup-fd write that fails because the pipe is full (EAGAIN)
 * is remembered for reporting (signal.set_wakeup_fd warn_on_full_buffer). */
void Ad_SignalsSetWakeupWarn(int warn);
/* Returns and clears the errno of the last failed wakeup-fd write (0: none). */
int Ad_SignalsTakeWakeupError(void);
/* Records signum as if it had arrived (_thread.interrupt_main): the main
 * thread runs its handler at its next check. */
void Ad_SignalsTrip(int signum);
/* Returns and clears whether SIGINT arrived since the last call. */
int Ad_SignalsTakeInterrupt(AdRuntime *runtime);
/* Ends the process the way a default SIGINT would (exit status 130 to a
 * shell), after the runtime has been finalized. Never returns. */
_Noreturn void ad_exit_by_sigint(void);

#endif
