# Callbacks when the referent dies by reference counting: order, the
# dead reference passed in, __del__ first, exceptions reported through
# sys.unraisablehook, references that die first are not called.
import sys
from _weakref import ref, getweakrefcount

class O:
    def __init__(self, name): self.name = name

log = []
o = O('a')
r1 = ref(o, lambda r: log.append(('r1', r is r1, r())))
r2 = ref(o, lambda r: log.append(('r2', r is r2, r())))
r3 = ref(o, lambda r: log.append(('r3', r is r3, r())))
plain = ref(o)
del o
print(log)
print(r1.__callback__, plain())

# a reference that dies before its referent is never called
log.clear()
o = O('b')
r = ref(o, lambda r: log.append('called'))
del r
del o
print(log)

# __del__ runs before the callbacks
class D:
    def __del__(self):
        print('__del__', getweakrefcount(self))
d = D()
rd = ref(d, lambda r: print('callback', r()))
del d

# exceptions in callbacks
def hook(u):
    print('hook:', u.exc_type.__name__, u.exc_value, u.err_msg.split(' <')[0], u.object)
sys.unraisablehook = hook
def bad(r):
    raise ValueError('boom')
o = O('c')
rb = ref(o, bad)
rg = ref(o, lambda r: print('second callback still runs'))
del o
print('after')

# a callback that raises with an exception already being handled
o = O('d')
rb = ref(o, bad)
try:
    raise KeyError('pending')
except KeyError as e:
    del o
    print('still handling', repr(e))

# callbacks can create new references and objects
keep = []
def make_more(r):
    n = O('new')
    keep.append(ref(n))
    keep.append(n)
o = O('e')
rm = ref(o, make_more)
del o
print(keep[0]() is keep[1])

# the referent's dict is intact while __del__ runs, gone for callbacks
class K:
    def __del__(self):
        print('K __del__ sees', self.x)
k = K(); k.x = 42
rk = ref(k, lambda r: print('K callback', r()))
del k

# weak references to functions, classes, sets, modules, methods
def f(): pass
rf = ref(f, lambda r: print('function died'))
del f
class C: pass
rc = ref(C)
print(rc() is C)
s = {1, 2}
rs = ref(s, lambda r: print('set died'))
del s
fs = frozenset([1])
rfs = ref(fs, lambda r: print('frozenset died'))
del fs
class M:
    def m(self): pass
bm = M().m
rbm = ref(bm, lambda r: print('bound method died'))
del bm
bl = [].append
rbl = ref(bl, lambda r: print('builtin method died'))
del bl
def g(): yield 1
gen = g()
rg = ref(gen, lambda r: print('generator died'))
del gen
co = g.__code__
print(ref(co)() is co)
mod = type(sys)('m')
rmod = ref(mod, lambda r: print('module died'))
del mod
print('end')
