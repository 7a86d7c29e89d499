# Lib/weakref.py, Lib/_weakrefset.py and Lib/_collections_abc.py run on
# _weakref and _abc (loaded from source; itertools and types are stubbed).
import sys, gc
LIB = 'build/lib/adder3.14/'
def load(name):
    m = type(sys)(name)
    m.__file__ = LIB + name + '.py'
    sys.modules[name] = m
    exec(compile(open(m.__file__).read(), m.__file__, 'exec'), m.__dict__)
    return m
if 'itertools' not in sys.modules:
    try:
        import itertools
    except ImportError:
        it = type(sys)('itertools')
        def count(start=0):
            while True:
                yield start
                start += 1
        it.count = count
        sys.modules['itertools'] = it
if 'types' not in sys.modules:
    try:
        import types
    except ImportError:
        ty = type(sys)('types')
        ty.GenericAlias = type(list[int])
        sys.modules['types'] = ty
for name in ('abc', '_collections_abc', '_weakrefset', 'weakref'):
    if name not in sys.modules:
        load(name)
import weakref

class Obj:
    def __init__(self, n): self.n = n
    def __repr__(self): return f'Obj({self.n})'
    def meth(self): return self.n

# WeakValueDictionary
objs = [Obj(i) for i in range(5)]
d = weakref.WeakValueDictionary()
for o in objs:
    d[o.n] = o
print(len(d), sorted(d.keys()), d[3])
del o
del objs[1]
print(len(d), sorted(d), 1 in d, 2 in d)
objs.clear()
print(len(d), list(d.items()))
a = Obj('a')
d['x'] = a
print(d.get('x'), d.get('y', 'dflt'), d.setdefault('x', None), d.pop('x'), len(d))
d['x'] = a
print(list(d.valuerefs())[0]() is a, list(d.itervaluerefs())[0]() is a)
print(d.popitem(), len(d))
try: d['nope']
except KeyError as e: print('KeyError', e)
d2 = weakref.WeakValueDictionary({'p': a}, q=a)
print(sorted(d2), repr(d2).startswith('<WeakValueDictionary at 0x'))
d3 = d2 | {'r': a}
print(type(d3).__name__, sorted(d3))
# cycle death
c = Obj('c'); c.self = c
d2['c'] = c
del c
gc.collect()
print('c' in d2, sorted(d2))

# WeakKeyDictionary
k1, k2 = Obj(1), Obj(2)
wk = weakref.WeakKeyDictionary()
wk[k1] = 'one'; wk[k2] = 'two'
print(len(wk), wk[k1], k2 in wk, sorted(wk.values()))
del k2
print(len(wk), list(wk.values()), [r() for r in wk.keyrefs()])
print(wk.pop(k1), len(wk))

# WeakSet
ws = weakref.WeakSet()
s1, s2 = Obj('s1'), Obj('s2')
ws.add(s1); ws.add(s2); ws.add(s1)
print(len(ws), s1 in ws, Obj('z') in ws, 3 in ws)
del s2
print(len(ws), list(ws))
ws2 = weakref.WeakSet([s1])
print(ws == ws2, ws <= ws2, ws.issuperset(ws2), len(ws | ws2))
ws.discard(s1)
print(len(ws), bool(ws), bool(ws2))
print(weakref.WeakSet[int])
print(isinstance(ws, sys.modules['_collections_abc'].MutableSet))

# WeakMethod
o = Obj(7)
wm = weakref.WeakMethod(o.meth)
print(wm()(), wm() == o.meth, wm == weakref.WeakMethod(o.meth), hash(wm) == hash(weakref.WeakMethod(o.meth)))
calls = []
wm2 = weakref.WeakMethod(o.meth, lambda r: calls.append(r is wm2))
del o
print(wm(), wm2(), calls)
try: weakref.WeakMethod(len)
except TypeError as e: print(e)

# finalize
log = []
class Res: pass
r = Res()
f = weakref.finalize(r, log.append, 'finalized')
print(f.alive, f.peek()[0] is r, f.atexit)
del r
print(log, f.alive, f())
r2 = Res()
f2 = weakref.finalize(r2, lambda *a, **k: log.append((a, k)), 1, 2, x=3)
print(f2(), f2.alive, log[-1])
r3 = Res()
f3 = weakref.finalize(r3, log.append, 'no')
print(f3.detach()[0] is r3, f3.alive, f3.detach())
del r3
print(log[-1])

# ref/proxy re-exports
print(weakref.ref is weakref.ReferenceType, weakref.proxy(Obj(0)).__class__ if False else 'ok')
print(weakref.getweakrefcount(Res), len(weakref.getweakrefs(Res)) >= 0)
