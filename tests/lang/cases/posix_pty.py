# Pseudo-terminals as the pty module uses them: openpty, posix_openpt/
# grantpt/unlockpt/ptsname, forkpty (the child's stdio is the tty).
import posix
m, s = posix.openpty()
print(posix.get_inheritable(m), posix.get_inheritable(s), posix.isatty(s), posix.ttyname(s).startswith('/dev/pts/'))
posix.write(m, b'abc\n')
print(posix.read(s, 10))
posix.close(m); posix.close(s)
fd = posix.posix_openpt(posix.O_RDWR | posix.O_NOCTTY)
posix.grantpt(fd); posix.unlockpt(fd)
print(posix.ptsname(fd).startswith('/dev/pts/'), posix.get_inheritable(fd))
posix.close(fd)
pid, fd = posix.forkpty()
if pid == 0:
    posix.write(1, b'child on tty %d\n' % posix.isatty(0))
    posix._exit(7)
data = b''
while True:
    try:
        d = posix.read(fd, 100)
    except OSError:
        break
    if not d:
        break
    data += d
print(data.replace(b'\r', b''))
print(posix.waitstatus_to_exitcode(posix.waitpid(pid, 0)[1]))
posix.close(fd)
try:
    posix.ptsname(99)
except OSError as e:
    print(e)
