# _posixsubprocess.fork_exec as subprocess.Popen calls it: pipes for the
# child's stdout, an error pipe, cwd, env, close_fds, pass_fds, preexec_fn,
# and the "OSError:hex:detail" reports of failures before and at exec.
import _posixsubprocess as ps
import posix
import sys

# 3.13 had one more argument (allow_vfork) after preexec_fn.
EXTRA = () if sys.version_info >= (3, 14) else (False,)


def run(argv, exes, cwd=None, env=None, close_fds=True, keep=(), preexec=None, umask=-1):
    r, w = posix.pipe()
    er, ew = posix.pipe()
    pid = ps.fork_exec(argv, exes, close_fds, tuple(sorted(keep + (ew,))), cwd, env,
                       -1, -1, r, w, -1, -1, er, ew, True, False, -1, None, None, None, umask,
                       preexec, *EXTRA)
    posix.close(w)
    posix.close(ew)
    out = b''
    while True:
        d = posix.read(r, 4096)
        if not d:
            break
        out += d
    err = posix.read(er, 1000)
    posix.close(r)
    posix.close(er)
    p, st = posix.waitpid(pid, 0)
    return out, err, posix.waitstatus_to_exitcode(st)


print(run([b'echo', b'hi'], (b'/bin/echo',)))
print(run(['sh', '-c', 'echo $FOO; pwd'], (b'/nonexistent/sh', b'/bin/sh'), cwd='/tmp', env=[b'FOO=bar']))
print(run([b'x'], (b'/nonexistent',)))
print(run([b'ls'], (b'/bin/ls',), cwd='/nonexistent-dir-for-test'))
print(run([b'x'], (b'/etc/passwd',)))
print(run(['sh', '-c', 'exit 7'], (b'/bin/sh',)))
print(run(['sh', '-c', 'umask'], (b'/bin/sh',), umask=0o27))

# close_fds closes what is not kept; pass_fds keeps (and makes inheritable).
a, b = posix.pipe()
posix.set_inheritable(b, True)
cmd = 'exec 2>/dev/null; echo x >&%d && echo ok || echo closed' % b
print(run(['sh', '-c', cmd], (b'/bin/sh',), close_fds=True)[0])
print(run(['sh', '-c', cmd], (b'/bin/sh',), close_fds=False)[0])
c, d = posix.pipe()
print(run(['sh', '-c', 'echo kept >&%d; echo done' % d], (b'/bin/sh',), keep=(d,))[0])
posix.close(d)
print(posix.read(c, 100))
for fd in (a, b, c):
    posix.close(fd)

# preexec_fn runs in the child; an exception in it is reported.
print(run(['sh', '-c', 'echo $PRE'], (b'/bin/sh',), preexec=lambda: posix.putenv('PRE', 'set')))
print(run([b'true'], (b'/bin/true',), preexec=lambda: 1 / 0))

for bad in [(1,), ()]:
    try:
        ps.fork_exec(*bad)
    except TypeError as e:
        print('TypeError')
r, w = posix.pipe()
try:
    ps.fork_exec([b'true'], (b'/bin/true',), True, (3, 1), None, None, -1, -1, -1, -1, -1, -1,
                 r, w, True, False, -1, None, None, None, -1, None, *EXTRA)
except ValueError as e:
    print(e)
try:
    ps.fork_exec([b'true'], (b'/bin/true',), True, [w], None, None, -1, -1, -1, -1, -1, -1,
                 r, w, True, False, -1, None, None, None, -1, None, *EXTRA)
except TypeError as e:
    print('TypeError', 'tuple' in str(e))
posix.close(r)
posix.close(w)
