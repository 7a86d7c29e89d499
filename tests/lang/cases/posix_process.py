# posix processes: fork + waitpid with the W* macros, fork hooks, pipes
# between parent and child, execv/execve in a child, kill, environ,
# putenv/unsetenv, and the miscellaneous calls with their errors.
import posix


def t(f):
    try:
        print(repr(f()))
    except Exception as e:
        print(type(e).__name__, e)


def wait(pid):
    p, st = posix.waitpid(pid, 0)
    assert p == pid
    return st


# exit statuses
pid = posix.fork()
if pid == 0:
    posix._exit(3)
st = wait(pid)
print(posix.WIFEXITED(st), posix.WEXITSTATUS(st), posix.WIFSIGNALED(st), posix.waitstatus_to_exitcode(st))

pid = posix.fork()
if pid == 0:
    posix.kill(posix.getpid(), 9)
    posix._exit(0)
st = wait(pid)
print(posix.WIFSIGNALED(st), posix.WTERMSIG(st), posix.waitstatus_to_exitcode(st), posix.WCOREDUMP(st))

# a pipe from child to parent
r, w = posix.pipe()
print(posix.get_inheritable(r), posix.get_inheritable(w))
pid = posix.fork()
if pid == 0:
    posix.close(r)
    posix.write(w, b'child %d' % (posix.getppid() > 0))
    posix._exit(0)
posix.close(w)
print(posix.read(r, 100), posix.read(r, 100))
posix.close(r)
wait(pid)

# fork hooks: before in reverse order, after_* in order
log = []
posix.register_at_fork(before=lambda: log.append('b1'), after_in_parent=lambda: log.append('p1'),
                       after_in_child=lambda: log.append('c1'))
posix.register_at_fork(before=lambda: log.append('b2'), after_in_parent=lambda: log.append('p2'),
                       after_in_child=lambda: log.append('c2'))
r, w = posix.pipe()
pid = posix.fork()
if pid == 0:
    posix.write(w, repr(log).encode())
    posix._exit(0)
posix.close(w)
print('child saw', posix.read(r, 100).decode())
posix.close(r)
wait(pid)
print('parent saw', log)
t(lambda: posix.register_at_fork())
t(lambda: posix.register_at_fork(before=1))
t(lambda: posix.register_at_fork(after_in_child=None))
t(lambda: posix.register_at_fork(lambda: 0))

# exec in a child, with stdout redirected into a pipe
r, w = posix.pipe()
pid = posix.fork()
if pid == 0:
    posix.dup2(w, 1)
    posix.execve('/bin/sh', ['sh', '-c', 'echo "$A-$B"'], {'A': 'x', b'B': b'y'})
posix.close(w)
print(posix.read(r, 100))
posix.close(r)
print(posix.waitstatus_to_exitcode(wait(pid)))
pid = posix.fork()
if pid == 0:
    try:
        posix.execv('/nonexistent/prog', ['prog'])
    except FileNotFoundError as e:
        posix._exit(40 + e.errno)
    posix._exit(1)
print(posix.waitstatus_to_exitcode(wait(pid)))

t(lambda: posix.execv('/bin/true', []))
t(lambda: posix.execv('/bin/true', ['']))
t(lambda: posix.execv('/bin/true', 'ab'))
t(lambda: posix.execv('/bin/true', ['a\0']))
t(lambda: posix.execv('/bin/true', [1]))
t(lambda: posix.execv(1, ['a']))
t(lambda: posix.execve('/bin/true', ['a'], {'a\0': 'b'}))
t(lambda: posix.execve('/bin/true', ['a'], {'a=': 'b'}))
t(lambda: posix.execve('/bin/true', ['a'], {'': 'b'}))
t(lambda: posix.execve('/bin/true', ['a'], {1: 'b'}))
t(lambda: posix.execve('/bin/true', ['a'], []))
t(lambda: posix.execve(99, ['a'], {}))
t(lambda: posix.waitpid(-1, posix.WNOHANG))
t(lambda: posix.wait())
t(lambda: posix.kill(posix.getpid(), 0))
t(lambda: posix.kill(2**22 + 12345, 0))

# wait status macros on made-up statuses
print(posix.WEXITSTATUS(0x300), posix.WIFSIGNALED(9), posix.WTERMSIG(9), posix.WIFSTOPPED(0x137f),
      posix.WSTOPSIG(0x137f), posix.WCOREDUMP(0x8b), posix.WIFCONTINUED(0xffff), posix.WIFEXITED(status=0))
t(lambda: posix.waitstatus_to_exitcode(0x137f))
t(lambda: posix.waitstatus_to_exitcode(9))
t(lambda: posix.waitstatus_to_exitcode(status=0x300))

# environ, putenv, unsetenv
env = posix.environ
print(type(env).__name__, all(type(k) is bytes and type(v) is bytes for k, v in env.items()))
print(env.get(b'PATH') is not None)
posix.putenv('ADDER_POSIX_TEST', 'value')
print(b'ADDER_POSIX_TEST' in env)
r, w = posix.pipe()
pid = posix.fork()
if pid == 0:
    posix.dup2(w, 1)
    posix.execv('/bin/sh', ['sh', '-c', 'echo "[$ADDER_POSIX_TEST]"'])
posix.close(w)
print(posix.read(r, 100))
posix.close(r)
wait(pid)
posix.unsetenv(b'ADDER_POSIX_TEST')
r, w = posix.pipe()
pid = posix.fork()
if pid == 0:
    posix.dup2(w, 1)
    posix.execv('/bin/sh', ['sh', '-c', 'echo "[${ADDER_POSIX_TEST-unset}]"'])
posix.close(w)
print(posix.read(r, 100))
posix.close(r)
wait(pid)
t(lambda: posix.putenv('a', 'b\0'))
t(lambda: posix.putenv(1, 'b'))
t(lambda: posix.putenv('a=b', 'c'))
t(lambda: posix.unsetenv('a\0'))

# miscellany
print(posix.strerror(2), posix.strerror(99999))
print(posix.system('exit 3') >> 8, posix.WEXITSTATUS(posix.system('true')))
t(lambda: posix.system(3))
t(lambda: posix.device_encoding(99))
t(lambda: posix.get_terminal_size(99))
t(lambda: posix.ttyname(0))
t(lambda: posix.sysconf('nope'))
t(lambda: posix.sysconf(1.5))
print(posix.sysconf('SC_PAGESIZE') == posix.sysconf(posix.sysconf_names['SC_PAGESIZE']) > 0)
print(posix.pathconf('/', 'PC_NAME_MAX'), posix.confstr('CS_PATH'), posix.fpathconf(0, 'PC_NAME_MAX'))
t(lambda: posix.urandom(-1))
print(len(posix.urandom(5)), type(posix.times()).__name__, len(posix.times()), len(posix.uname()))
print(posix.terminal_size((80, 24)), posix.uname().sysname)
print(posix.closerange(1000, 1010), posix.dup2(0, 0))
t(lambda: posix.dup2(0, 0, inheritable=False))
t(lambda: posix.set_blocking(99, True))
old = posix.umask(0o27)
print(posix.umask(old), posix.getpgid(0) == posix.getpgrp(), posix.getsid(0) == posix.getsid(posix.getpid()))
print(posix.getpid() > 0, posix.getuid() == posix.geteuid(), type(posix.getgroups()).__name__)
print(posix.cpu_count() >= 1, posix.WNOHANG, posix.O_RDONLY, posix.O_CLOEXEC > 0, posix.F_OK)
t(lambda: posix.major(posix.makedev(8, 3)))
t(lambda: posix.minor(posix.makedev(8, 3)))
r, w = posix.pipe()
posix.write(w, b'abcdefg')
bufs = [bytearray(1), bytearray(10)]
print(posix.readv(r, bufs), bufs, posix.writev(w, [b'x', memoryview(b'yz')]), posix.read(r, 5))
posix.close(r)
posix.close(w)
