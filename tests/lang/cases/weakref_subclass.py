# Subclasses of weakref.ref, and which classes' instances can be weakly
# referenced (__slots__, __weakref__).
from _weakref import ref, getweakrefs, getweakrefcount

class O:
    pass

class MyRef(ref):
    def __init__(self, ob, callback=None, tag=None):
        super().__init__(ob, callback)
        self.tag = tag
    def __call__(self):
        v = super().__call__()
        return ('deref', v is not None)

o = O()
mr = MyRef(o, None, tag='t1')
print(type(mr).__name__, isinstance(mr, ref), mr.tag, mr(), mr.__callback__)
plain = ref(o)
print(plain is not mr, getweakrefcount(o), getweakrefs(o)[0] is plain)
mr2 = MyRef(o, lambda r: print('MyRef callback', r.tag), tag='t2')
print(mr == plain, hash(mr) == hash(o), mr.__dict__)
del o
print(mr(), plain())

class SlotRef(ref):
    __slots__ = ('extra', '__weakref__')
o = O()
sr = SlotRef(o)
sr.extra = 5
print(sr.extra, ref(sr)() is sr, sr() is o)
try:
    sr.other = 1
except AttributeError as e:
    print('AttributeError:', e)

class NewRef(ref):
    def __new__(cls, ob, extra):
        self = ref.__new__(cls, ob)
        self.extra = extra
        return self
    def __init__(self, ob, extra):
        super().__init__(ob)
nr = NewRef(o, 'x')
print(nr.extra, nr() is o)

# the __weakref__ descriptor
print(O.__weakref__.__name__, type(O.__dict__['__weakref__']).__name__)
o = O()
print(o.__weakref__)
r = ref(o)
print(o.__weakref__ is r)
r2 = ref(o, print)
print(o.__weakref__ is r)
del r, r2
print(o.__weakref__)
try:
    o.__weakref__ = 1
except AttributeError as e:
    print('AttributeError:', e)

# classes and __slots__
class NoWeak:
    __slots__ = ('a',)
class WithWeak:
    __slots__ = ('a', '__weakref__')
class Sub(NoWeak):
    pass
class L(list): pass
class D(dict): pass
class I(int): pass
class T(tuple): pass
class E(Exception): pass
class FS(frozenset): pass
for cls in (NoWeak, WithWeak, Sub, L, D, I, T, E, FS):
    try:
        ref(cls())
        ok = 'yes'
    except TypeError as e:
        ok = str(e)
    print(cls.__name__, '__weakref__' in cls.__dict__, ok)
try:
    class Twice(WithWeak):
        __slots__ = ('__weakref__',)
except TypeError as e:
    print('TypeError:', e)
try:
    class Bad:
        __slots__ = ('__weakref__', '__weakref__')
except TypeError as e:
    print('TypeError:', e)

# the subclass of a set keeps the set's weak reference support
fs = FS([1])
rfs = ref(fs, lambda r: print('FS died'))
del fs
