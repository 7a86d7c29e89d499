# _signal.pidfd_send_signal with posix.pidfd_open; SIGCLD.
import _signal as signal, posix
print(signal.SIGCLD == signal.SIGCHLD)
pid = posix.fork()
if pid == 0:
    signal.pause()
    posix._exit(0)
fd = posix.pidfd_open(pid)
signal.pidfd_send_signal(fd, signal.SIGTERM)
print(posix.waitstatus_to_exitcode(posix.waitpid(pid, 0)[1]))
try:
    signal.pidfd_send_signal(fd, signal.SIGTERM, 5)
except TypeError as e:
    print(e)
try:
    signal.pidfd_send_signal(fd, signal.SIGTERM)
except ProcessLookupError as e:
    print(e)
posix.close(fd)
try:
    signal.pidfd_send_signal(fd, signal.SIGTERM)
except OSError as e:
    print(e)
