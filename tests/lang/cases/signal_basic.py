# _signal: handlers (a SIGALRM from setitimer and from raise_signal),
# getsignal, masks, sigpending/sigwait, set_wakeup_fd, itimers, errors.
import _signal as signal
import posix


def t(f):
    try:
        print(repr(f()))
    except Exception as e:
        print(type(e).__name__, e)


print(signal.SIG_DFL, signal.SIG_IGN, signal.NSIG, signal.SIGINT, signal.SIGALRM, signal.SIGUSR1)
print(signal.SIG_BLOCK, signal.SIG_UNBLOCK, signal.SIG_SETMASK, signal.ITIMER_REAL, signal.ITIMER_PROF)
print(signal.getsignal(signal.SIGINT) is signal.default_int_handler)
print(signal.getsignal(signal.SIGUSR1), signal.getsignal(signal.SIGPIPE), signal.getsignal(signal.SIGALRM))
print(sorted(signal.valid_signals())[:5], len(signal.valid_signals()))
print(signal.strsignal(signal.SIGTERM), signal.strsignal(signal.SIGALRM))
print(issubclass(signal.ItimerError, OSError), signal.ItimerError.__name__)

got = []


def handler(signum, frame):
    got.append((signum, type(frame).__name__))


print(signal.signal(signal.SIGUSR1, handler))
print(signal.getsignal(signal.SIGUSR1) is handler)
signal.raise_signal(signal.SIGUSR1)
print(got)
posix.kill(posix.getpid(), signal.SIGUSR1)
print(len(got))

# An interval timer wakes pause().
signal.signal(signal.SIGALRM, handler)
print(signal.setitimer(signal.ITIMER_REAL, 0.3))
delay, interval = signal.getitimer(signal.ITIMER_REAL)
print(0 < delay <= 0.3, interval)
signal.pause()
print(got[-1])
print(signal.getitimer(signal.ITIMER_REAL))
print(signal.setitimer(signal.ITIMER_REAL, 10, 2)[1], signal.setitimer(signal.ITIMER_REAL, 0)[1])
print(signal.alarm(0))

# A handler that raises: the exception comes out of the raising call.
def boom(signum, frame):
    raise ValueError('boom %d' % signum)


signal.signal(signal.SIGUSR2, boom)
t(lambda: signal.raise_signal(signal.SIGUSR2))
print(signal.signal(signal.SIGUSR2, signal.SIG_IGN) is boom)
signal.raise_signal(signal.SIGUSR2)
print(signal.signal(signal.SIGUSR2, signal.SIG_DFL))

# Blocking: the signal stays pending until unblocked or waited for.
old = signal.pthread_sigmask(signal.SIG_BLOCK, [signal.SIGUSR1])
print(signal.SIGUSR1 in old)
posix.kill(posix.getpid(), signal.SIGUSR1)
print(signal.sigpending() == {signal.SIGUSR1}, len(got))
print(signal.sigwait([signal.SIGUSR1]), signal.sigpending())
posix.kill(posix.getpid(), signal.SIGUSR1)
n = len(got)
print(signal.SIGUSR1 in signal.pthread_sigmask(signal.SIG_UNBLOCK, [signal.SIGUSR1]), len(got) - n)
print(signal.SIGUSR1 in signal.pthread_sigmask(signal.SIG_BLOCK, []))
signal.pthread_sigmask(signal.SIG_BLOCK, [signal.SIGUSR2])
posix.kill(posix.getpid(), signal.SIGUSR2)
info = signal.sigtimedwait([signal.SIGUSR2], 1)
print(type(info).__name__, info.si_signo, info.si_pid == posix.getpid())
print(signal.sigtimedwait([signal.SIGUSR2], 0.01))
signal.pthread_sigmask(signal.SIG_SETMASK, [])

# The wakeup fd receives the signal numbers.
r, w = posix.pipe()
try:
    signal.set_wakeup_fd(w)
except ValueError as e:
    print('ValueError', str(e).replace(' %d ' % w, ' W '))
posix.set_blocking(w, False)
print(signal.set_wakeup_fd(w), signal.set_wakeup_fd(w, warn_on_full_buffer=False) == w)
signal.raise_signal(signal.SIGUSR1)
signal.raise_signal(signal.SIGALRM)
print(list(posix.read(r, 10)))
print(signal.set_wakeup_fd(-1) == w)
posix.close(r)
posix.close(w)

signal.siginterrupt(signal.SIGUSR1, False)
signal.siginterrupt(signal.SIGUSR1, True)

t(lambda: signal.signal(0, handler))
t(lambda: signal.signal(signal.NSIG, handler))
t(lambda: signal.signal(signal.SIGUSR1, 5))
t(lambda: signal.signal(signal.SIGUSR1, 'x'))
t(lambda: signal.signal(signal.SIGKILL, handler))
t(lambda: signal.getsignal(-1))
t(lambda: signal.strsignal(1000))
t(lambda: signal.pthread_sigmask(signal.SIG_BLOCK, [0]))
t(lambda: signal.pthread_sigmask(99, []))
t(lambda: signal.setitimer(99, 1))
t(lambda: signal.siginterrupt(0, True))
t(lambda: signal.set_wakeup_fd(99999))
t(lambda: signal.sigtimedwait([signal.SIGUSR1], -1))
t(lambda: signal.alarm(1.5))
t(lambda: signal.signal(signal.SIGUSR1))
print(signal.signal(signal.SIGUSR1, signal.SIG_DFL) is handler)
print(signal.signal(signal.SIGALRM, signal.SIG_DFL) is handler)
print([signal.strsignal(s) for s in range(1, signal.NSIG)])
