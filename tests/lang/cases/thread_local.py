# _thread._local: per-thread attributes, __dict__, subclasses whose __init__
# runs again in each new thread, errors; a thread's values go with it.
import _thread
loc = _thread._local()
loc.x = 1
print(loc.x, loc.__dict__)
res = []
def f():
    res.append(hasattr(loc, 'x'))
    loc.x = 2
    res.append(loc.x)
    res.append(sorted(loc.__dict__.items()))
h = _thread.start_joinable_thread(f); h.join()
print(res, loc.x)
class Sub(_thread._local):
    count = 0
    def __init__(self, a, b=0):
        Sub.count += 1
        self.a = a + b
    def meth(self): return self.a * 10
s = Sub(1, b=2)
print(s.a, s.meth(), Sub.count)
res.clear()
def g():
    res.append((s.a, s.meth(), Sub.count))
    s.a = 100
    res.append(s.a)
h = _thread.start_joinable_thread(g); h.join()
print(res, s.a, Sub.count)
try: _thread._local(1)
except TypeError as e: print(e)
try: _thread._local(x=1)
except TypeError as e: print(e)
try: loc.__dict__ = {}
except AttributeError as e: print(e)
del loc.x
try: loc.x
except AttributeError as e: print(e)
try: del loc.y
except AttributeError as e: print(e)
print(type(loc), repr(loc)[:22])
class Slotted(_thread._local):
    __slots__ = ('q',)
sl = Slotted(); sl.q = 5; sl.z = 3; print(sl.q, sl.z)
# values of a finished thread are dropped
class Tracked:
    alive = 0
    def __init__(self): Tracked.alive += 1
    def __del__(self): Tracked.alive -= 1
def keep():
    loc.obj = Tracked()
    print("in thread", Tracked.alive)
h = _thread.start_joinable_thread(keep); h.join()
print("after thread", Tracked.alive)
# the same local seen by several threads
counter = _thread._local()
out = []
lk = _thread.allocate_lock()
def count_up(k):
    counter.n = 0
    for i in range(k):
        counter.n += 1
    with lk:
        out.append((k, counter.n))
hs = [_thread.start_joinable_thread(lambda k=k: count_up(k)) for k in (10, 20, 30)]
for h in hs: h.join()
print(sorted(out), hasattr(counter, "n"))
