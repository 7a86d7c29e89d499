# fork_exec when the parent's pipe ends sit on fds 0, 1 and 2 (the child
# must not clobber one with another while arranging stdin/stdout/stderr),
# with all three standard streams redirected as subprocess.Popen does.
import _posixsubprocess as ps
import posix
import sys

EXTRA = () if sys.version_info >= (3, 14) else (False,)

saved = [posix.dup(0), posix.dup(1), posix.dup(2)]
posix.close(0)
posix.close(1)
posix.close(2)
c2pread, c2pwrite = posix.pipe()     # fds 0 and 1
errread, errwrite = posix.pipe()     # fd 2 and 3?
p2cread, p2cwrite = posix.pipe()
epr, epw = posix.pipe()
low = (c2pread, c2pwrite, errread)

pid = ps.fork_exec([b'sh', b'-c', b'read x; echo "out:$x"; echo "err:$x" >&2'], (b'/bin/sh',), True, (epw,),
                   None, None, p2cread, p2cwrite, c2pread, c2pwrite, errread, errwrite, epr, epw,
                   True, False, -1, None, None, None, -1, None, *EXTRA)
for fd in (p2cread, c2pwrite, errwrite, epw):
    posix.close(fd)
posix.write(p2cwrite, b'hello\n')
posix.close(p2cwrite)
out = posix.read(c2pread, 100)
err = posix.read(errread, 100)
fail = posix.read(epr, 100)
_, st = posix.waitpid(pid, 0)
for fd in (c2pread, errread, epr):
    posix.close(fd)
for i, fd in enumerate(saved):
    posix.dup2(fd, i)
    posix.close(fd)
print(low, out, err, fail, posix.waitstatus_to_exitcode(st))
