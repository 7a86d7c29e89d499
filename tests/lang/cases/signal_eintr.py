# PEP 475: a blocking call interrupted by a signal whose handler returns
# is retried; a handler that raises ends the call with its exception.
import _signal as signal
import posix
import select

got = []


def note(signum, frame):
    got.append(signum)


def boom(signum, frame):
    raise TimeoutError('alarm %d' % signum)


signal.signal(signal.SIGALRM, note)
r, w = posix.pipe()
pid = posix.fork()
if pid == 0:
    # the child writes after the parent's timer has fired
    select.select([], [], [], 0.6)
    posix.write(w, b'late data')
    posix._exit(0)
signal.setitimer(signal.ITIMER_REAL, 0.05)
print(posix.read(r, 100), got)
posix.waitpid(pid, 0)

signal.signal(signal.SIGALRM, boom)
signal.setitimer(signal.ITIMER_REAL, 0.05)
try:
    posix.read(r, 100)
except TimeoutError as e:
    print('TimeoutError', e)

signal.setitimer(signal.ITIMER_REAL, 0.05)
try:
    select.select([r], [], [], 5)
except TimeoutError as e:
    print('select', e)

signal.signal(signal.SIGALRM, note)
signal.setitimer(signal.ITIMER_REAL, 0.02)
print(select.select([r], [], [], 0.5), got)
p = select.poll()
p.register(r)
signal.setitimer(signal.ITIMER_REAL, 0.02)
print(p.poll(500), got)
e = select.epoll()
e.register(r)
signal.setitimer(signal.ITIMER_REAL, 0.02)
print(e.poll(0.5), got)
e.close()

pid = posix.fork()
if pid == 0:
    select.select([], [], [], 0.5)
    posix._exit(4)
signal.setitimer(signal.ITIMER_REAL, 0.02)
p, st = posix.waitpid(pid, 0)
print(p == pid, posix.waitstatus_to_exitcode(st), got)
signal.signal(signal.SIGALRM, signal.SIG_DFL)
posix.close(r)
posix.close(w)
