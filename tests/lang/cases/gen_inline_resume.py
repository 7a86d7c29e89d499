# Generators resumed by for loops and yield from inside the running loop:
# values, returns, exceptions and their tracebacks, the handled exception
# seen inside, frames, re-entrance, deep nesting and coroutines.
import sys
import traceback


def count(n):
    for i in range(n):
        yield i
    return 'done'


def relay(it):
    r = yield from it
    print('relay got', r)
    return r


print(list(relay(count(3))))
for v in relay(relay(count(2))):
    print('v', v)


def boom(n):
    yield 1
    if n:
        raise ValueError('boom %d' % n)
    yield 2


def outer():
    for x in boom(1):
        yield x * 10


try:
    for v in outer():
        print('outer gave', v)
except ValueError as e:
    tb = traceback.extract_tb(e.__traceback__)
    print('caught', e, [f.name for f in tb])

try:
    list(relay(boom(2)))
except ValueError as e:
    print('caught', e, [f.name for f in traceback.extract_tb(e.__traceback__)])


def stopper():
    yield 1
    raise StopIteration('inner')


try:
    for v in stopper():
        print('stopper', v)
except RuntimeError as e:
    print(type(e).__name__, e, type(e.__cause__).__name__, e.__cause__)


def handled():
    print('inside sees', repr(sys.exception()))
    yield 1
    try:
        raise KeyError('k')
    except KeyError:
        yield repr(sys.exception())
    print('after except sees', repr(sys.exception()))
    yield 3


try:
    raise TypeError('outer')
except TypeError:
    for v in handled():
        print('loop got', v, 'loop sees', repr(sys.exception()))
print('finally sees', repr(sys.exception()))


def context():
    try:
        yield 1
    finally:
        pass
    raise IndexError('in gen')


try:
    try:
        raise OSError('handling')
    except OSError:
        for v in context():
            pass
except IndexError as e:
    print('context', repr(e.__context__))


def me():
    g = yield
    yield g.gi_running
    try:
        next(g)
    except ValueError as e:
        yield str(e)
    yield sys._getframe().f_back.f_code.co_name


def drive():
    g = me()
    next(g)
    out = [g.send(g)]
    for v in g:
        out.append(v)
    return out, g.gi_running, g.gi_frame


print(drive())


def frames():
    f = sys._getframe()
    yield f.f_back.f_code.co_name
    yield f.f_back is not None


def looper():
    return [v for v in frames()], list(frames())


print(looper())
g = frames()
next(g)
print(g.gi_frame.f_back)


def deep(n):
    if n == 0:
        yield 'bottom'
        return
    for v in deep(n - 1):
        yield v


print(list(deep(50)))
old = sys.getrecursionlimit()
sys.setrecursionlimit(120)
try:
    list(deep(500))
except RecursionError as e:
    print('RecursionError', e)
sys.setrecursionlimit(old)
print(list(deep(30)))


def deep_from(n):
    if n:
        return (yield from deep_from(n - 1)) + 1
    yield 'leaf'
    return 0


def run_deep_from():
    r = yield from deep_from(40)
    print('depth', r)


print(list(run_deep_from()))


def closing():
    try:
        yield 1
        yield 2
    finally:
        print('closing ran')


for v in closing():
    print('closing', v)
    break
g = closing()
for v in g:
    g.close() if False else None
    print('first', v)
    break
g.close()


def thrower():
    try:
        yield 1
    except KeyError as e:
        print('thrower caught', repr(e))
        yield 'recovered'


def wrap():
    return (yield from thrower())


w = wrap()
print(next(w), w.throw(KeyError('x')))
print(type(w.gi_yieldfrom).__name__, next(w, "end"))


class Awaitable:
    def __await__(self):
        v = yield 'suspend'
        return v * 2


async def leaf(x):
    return await Awaitable() + x


async def middle():
    a = await leaf(1)
    b = await leaf(2)
    return a + b


async def top():
    try:
        return await middle()
    finally:
        print('top finally')


c = top()
print(c.send(None), c.send(10))
try:
    c.send(20)
except StopIteration as e:
    print('coroutine returned', e.value)


async def bad():
    await Awaitable()
    raise ValueError('in coroutine')


async def catcher():
    try:
        await bad()
    except ValueError as e:
        return 'caught ' + str(e)


c = catcher()
c.send(None)
try:
    c.send(1)
except StopIteration as e:
    print(e.value)


def gen_tb():
    yield 1
    1 / 0


def consume():
    for v in gen_tb():
        pass


try:
    consume()
except ZeroDivisionError:
    traceback.print_exc(file=sys.stdout)


def reentrant():
    yield 1
    yield 2


g = reentrant()
for a in g:
    for b in g:
        print('nested', a, b)
print(list(g), next(g, 'exhausted'))
