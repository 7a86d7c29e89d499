# Per-thread interpreter state: the handled exception (sys.exception()),
# the raised exception and the frame stack belong to each
# thread; the recursion limit is the interpreter's; a generator made in one
# thread can be resumed in another.
import _thread, sys

def run(f):
    out = []
    h = _thread.start_joinable_thread(lambda: out.append(f()))
    h.join()
    return out[0] if out else "no result"

try:
    raise KeyError("main")
except KeyError:
    def in_thread():
        seen = sys.exception()
        try:
            raise ValueError("thread")
        except ValueError as e:
            inner = sys.exception()
        return seen, repr(inner)
    print(run(in_thread))
    print(repr(sys.exception()))
print(sys.exception())

sys.setrecursionlimit(150)
def depth(n=0):
    try:
        return depth(n + 1)
    except RecursionError:
        return n
print(abs(run(depth) - depth()) <= 5, run(sys.getrecursionlimit))
sys.setrecursionlimit(1000)

def gen():
    x = yield _thread.get_ident() == main_ident
    yield x * 2
main_ident = _thread.get_ident()
g = gen()
print(next(g))
print(run(lambda: g.send(21)))

def frames():
    f = sys._getframe()
    names = []
    while f is not None:
        names.append(f.f_code.co_name)
        f = f.f_back
    return names
print(run(frames))
