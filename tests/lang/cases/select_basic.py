# select.select, poll and epoll over pipes: readiness, timeouts, the
# registration API and CPython's errors.
import posix
import select


def t(f):
    try:
        print(repr(f()))
    except Exception as e:
        print(type(e).__name__, e)


def names(events):
    # fd numbers depend on what the runner leaves open: show them by name
    return sorted((NAMES.get(fd, fd), ev) for fd, ev in events)


class F:
    def __init__(self, fd):
        self.fd = fd

    def fileno(self):
        return self.fd

    def __repr__(self):
        return 'F(%s)' % NAMES.get(self.fd, self.fd)


print(select.error is OSError, select.PIPE_BUF, select.POLLIN, select.POLLOUT, select.EPOLLIN, select.EPOLLET)
r, w = posix.pipe()
NAMES = {r: 'r', w: 'w'}
fr = F(r)
print(select.select([fr], [w], [], 0) == ([], [w], []))
posix.write(w, b'abc')
rl, wl, xl = select.select([fr, r], [], [], 0.5)
print(rl[0], rl[1] == r, len(rl), wl, xl)
print(select.select([], [], [], 0.01))
t(lambda: select.select([], [], [], 'a'))
t(lambda: select.select([], [], [], -1))
t(lambda: select.select([-1], [], [], 0))
t(lambda: select.select([5000], [], [], 0))
t(lambda: select.select(['x'], [], [], 0))
t(lambda: select.select(3, [], [], 0))
t(lambda: select.select([], []))

p = select.poll()
print(type(p).__name__)
p.register(r)
p.register(F(w), select.POLLOUT)
print(names(p.poll()))
print(names(p.poll(0)), names(p.poll(10.5)), names(p.poll(None)))
p.modify(w, select.POLLIN)
print(names(p.poll(0)))
p.unregister(w)
print(names(p.poll(1)))
t(lambda: p.poll('a'))
try:
    p.unregister(w)
except KeyError as e:
    print('KeyError', e.args[0] == w)
t(lambda: p.modify(w, 1))
t(lambda: p.register(-1))
print(posix.read(r, 10), names(p.poll(0)))
posix.close(w)
print(p.poll(100) == [(r, select.POLLHUP)])

e = select.epoll()
print(e.closed, e.fileno() > 2, posix.get_inheritable(e.fileno()))
r2, w2 = posix.pipe()
e.register(r2, select.EPOLLIN)
e.register(F(w2), select.EPOLLOUT)
print(sorted(e.poll(0)) == [(w2, select.EPOLLOUT)])
posix.write(w2, b'x')
print(sorted(e.poll(0.5)) == [(r2, select.EPOLLIN), (w2, select.EPOLLOUT)])
print(len(e.poll(timeout=0, maxevents=1)))
e.modify(w2, 0)
e.unregister(r2)
print(e.poll(0.01))
t(lambda: e.register(w2))
t(lambda: e.unregister(99))
t(lambda: e.poll(0, 0))
t(lambda: e.poll('a'))
e.close()
print(e.closed)
t(lambda: e.poll(0))
t(lambda: e.fileno())
t(lambda: e.register(r2))
e.close()
t(lambda: select.epoll(flags=5))
t(lambda: select.epoll(sizehint=0))
with select.epoll(8, select.EPOLL_CLOEXEC) as e2:
    print(e2.closed)
    e3 = select.epoll.fromfd(posix.dup(e2.fileno()))
    print(type(e3).__name__, e3.closed)
    e3.close()
print(e2.closed)
for fd in (r, r2, w2):
    posix.close(fd)
