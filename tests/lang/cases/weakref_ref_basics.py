# weakref.ref: creation, calling, the shared callback-less ref, hashing,
# equality, repr, __callback__, getweakrefcount/getweakrefs.
import _weakref
from _weakref import ref, getweakrefcount, getweakrefs

def addr(s):
    out, i = [], 0
    while i < len(s):
        if s.startswith('0x', i):
            j = i + 2
            while j < len(s) and s[j] in '0123456789abcdef':
                j += 1
            out.append('0xX')
            i = j
        else:
            out.append(s[i])
            i += 1
    return ''.join(out)

def t(f):
    try:
        print(repr(f()))
    except Exception as e:
        print(type(e).__name__ + ':', e)

class O:
    pass

o = O()
r = ref(o)
print(r() is o, type(r).__name__, type(r).__module__, ref is _weakref.ReferenceType)
print(ref(o) is r, ref(o, None) is r, ref(o, lambda x: 0) is r)
print(getweakrefcount(o), getweakrefs(o) == [r], r.__callback__)
cb = lambda x: None
r2 = ref(o, cb)
print(r2 is not r, r2.__callback__ is cb, getweakrefcount(o))
print(getweakrefs(o)[0] is r, getweakrefs(o)[1] is r2)
print(r == r2, r != r2, r == ref(O()), hash(r) == hash(o), hash(r2) == hash(o))
print(addr(repr(r)))
print(addr(repr(ref(O))))
def func(): pass
print(addr(repr(ref(func))))
print(addr(repr(ref(len))))
del o
print(r(), r2(), getweakrefcount(r), addr(repr(r)))
print(r == r, r == r2, r != r2)
print(hash(r) == hash(r2))
o2 = O()
r3 = ref(o2)
del o2
t(lambda: hash(r3))
print(r3.__callback__, r2.__callback__)

# arguments and messages
t(lambda: ref())
t(lambda: ref(1, None, 3))
t(lambda: ref(O(), callback=None))
t(lambda: ref(1))
t(lambda: ref((1, 2)))
t(lambda: ref('s'))
t(lambda: ref(None))
t(lambda: ref([]))
t(lambda: ref({}))
t(lambda: ref(object()))
t(lambda: r(1))
t(lambda: r(x=1))
t(lambda: ref.__init__(r, O(), None, 1))
t(lambda: ref.__new__(ref))
t(lambda: getweakrefcount(1))
t(lambda: getweakrefs(1))
t(lambda: ref[int])
t(lambda: sorted(k for k in _weakref.__dict__ if not k.startswith('__')))
t(lambda: _weakref.__doc__)

# hashing an unhashable referent
class U:
    __hash__ = None
u = U()
t(lambda: hash(ref(u)))

# equality compares referents while alive
class E:
    def __init__(self, v): self.v = v
    def __eq__(self, other): return self.v == other.v
    __hash__ = object.__hash__
e1, e2 = E(1), E(1)
print(ref(e1) == ref(e2), ref(e1) != ref(e2), ref(e1).__eq__(e1))

# _remove_dead_weakref
d = {'a': r, 'b': ref(e1)}
_weakref._remove_dead_weakref(d, 'a')
_weakref._remove_dead_weakref(d, 'b')
_weakref._remove_dead_weakref(d, 'zz')
print(sorted(d))
t(lambda: _weakref._remove_dead_weakref({1: 2}, 1))
t(lambda: _weakref._remove_dead_weakref(1, 1))
t(lambda: _weakref._remove_dead_weakref({}))
