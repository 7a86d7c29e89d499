# posix_spawn/posix_spawnp as subprocess._posix_spawn uses them: pipes
# dup2'd onto 0/1/2, closes, closefrom, setsigdef, env, plus open
# actions, setpgroup/setsid, and the errors.
import posix

base = '/tmp/adder_posix_spawn_%d' % posix.getpid()


def t(f):
    try:
        print(repr(f()))
    except Exception as e:
        print(type(e).__name__, str(e).replace(base, 'BASE'))


def collect(fd):
    out = b''
    while True:
        d = posix.read(fd, 4096)
        if not d:
            return out
        out += d


def spawn(fn, path, argv, env, **kw):
    r, w = posix.pipe()
    actions = [(posix.POSIX_SPAWN_CLOSE, r), (posix.POSIX_SPAWN_DUP2, w, 1), (posix.POSIX_SPAWN_CLOSEFROM, 3)]
    actions += kw.pop('extra', [])
    pid = fn(path, argv, env, file_actions=actions, **kw)
    posix.close(w)
    out = collect(r)
    posix.close(r)
    p, st = posix.waitpid(pid, 0)
    return out, posix.waitstatus_to_exitcode(st)


print(spawn(posix.posix_spawn, '/bin/echo', ['echo', 'hi'], None))
print(spawn(posix.posix_spawn, b'/bin/sh', ('sh', '-c', 'echo "$X:$Y"'), {'X': '1', b'Y': b'2'}))
print(spawn(posix.posix_spawnp, 'sh', ['sh', '-c', 'echo $0'], {'PATH': '/usr/bin:/bin'}))
print(spawn(posix.posix_spawn, '/bin/sh', ['sh', '-c', 'exit 5'], {}, setsigdef=[13, 25]))
print(spawn(posix.posix_spawn, '/bin/sh', ['sh', '-c', 'read l < /proc/$$/stat; set -- $l; [ "$5" = "$$" ] && echo leader'],
            None, setpgroup=0))
print(spawn(posix.posix_spawn, '/bin/sh', ['sh', '-c', 'cat'], None,
            extra=[(posix.POSIX_SPAWN_OPEN, 0, '/etc/hostname', posix.O_RDONLY, 0)])[1])
print(spawn(posix.posix_spawn, '/bin/sh', ['sh', '-c', 'echo x > ' + base], None, setsid=True, resetids=True,
            setsigmask=[]))
fd = posix.open(base, posix.O_RDONLY)
print(posix.read(fd, 10))
posix.close(fd)
posix.unlink(base)

t(lambda: posix.posix_spawn('/nonexistent/prog', ['prog'], {}))
t(lambda: posix.posix_spawnp('no-such-program-here', ['x'], {'PATH': '/bin'}))
t(lambda: posix.posix_spawn('/bin/true', [], {}))
t(lambda: posix.posix_spawn('/bin/true', 'ab', {}))
t(lambda: posix.posix_spawn('/bin/true', ['a\0'], {}))
t(lambda: posix.posix_spawn('/bin/true', ['a'], 5))
t(lambda: posix.posix_spawn('/bin/true', ['a'], {'a=b': 'c'}))
t(lambda: posix.posix_spawn('/bin/true', ['a'], {}, file_actions=5))
t(lambda: posix.posix_spawn('/bin/true', ['a'], {}, file_actions=[()]))
t(lambda: posix.posix_spawn('/bin/true', ['a'], {}, file_actions=[(99,)]))
t(lambda: posix.posix_spawn('/bin/true', ['a'], {}, file_actions=[(posix.POSIX_SPAWN_CLOSE,)]))
t(lambda: posix.posix_spawn('/bin/true', ['a'], {}, file_actions=[(posix.POSIX_SPAWN_DUP2, 1)]))
t(lambda: posix.posix_spawn('/bin/true', ['a'], {}, file_actions=[(posix.POSIX_SPAWN_OPEN, 1, 'x')]))
t(lambda: posix.posix_spawn('/bin/true', ['a'], {}, setsigmask=[0]))
t(lambda: posix.posix_spawn('/bin/true', ['a'], {}, scheduler=(1,)))
t(lambda: posix.posix_spawn('/bin/true', ['a'], {}, scheduler=(0, 5)))
t(lambda: posix.waitpid(posix.posix_spawn('/bin/true', ['a'], {}, scheduler=(None, posix.sched_param(0))), 0)[1])
t(lambda: posix.waitpid(posix.posix_spawn('/bin/true', ['a'], {},
                                          scheduler=(posix.SCHED_OTHER, posix.sched_param(0))), 0)[1])
t(lambda: posix.waitpid(posix.posix_spawnp('true', ['a'], None, file_actions=None), 0)[1])
