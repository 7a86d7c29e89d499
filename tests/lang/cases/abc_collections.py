# Lib/_collections_abc.py on the native _abc: the one-trick ponies'
# __subclasshook__, registrations of builtins, and __abc_tpflags__ making
# registered and derived classes match sequence/mapping patterns.
import sys
LIB = 'build/lib/adder3.14/'
def load(name):
    m = type(sys)(name)
    m.__file__ = LIB + name + '.py'
    sys.modules[name] = m
    exec(compile(open(m.__file__).read(), m.__file__, 'exec'), m.__dict__)
    return m
for name in ('abc', '_collections_abc'):
    if name not in sys.modules:
        load(name)
import _collections_abc as cabc

print(isinstance([], cabc.Sequence), isinstance((), cabc.Sequence), isinstance('', cabc.Sequence))
print(isinstance({}, cabc.Mapping), isinstance({}, cabc.MutableMapping), isinstance([], cabc.Mapping))
print(isinstance(set(), cabc.MutableSet), isinstance(frozenset(), cabc.Set), isinstance(frozenset(), cabc.MutableSet))
print(isinstance(1, cabc.Hashable), isinstance([], cabc.Hashable), isinstance(len, cabc.Callable))
print(issubclass(range, cabc.Sequence), issubclass(memoryview, cabc.Sequence), issubclass(bytes, cabc.ByteString) if hasattr(cabc, 'ByteString') else 'n/a')

class Sized3:
    def __len__(self): return 3
class Iter:
    def __iter__(self): return iter(())
class NotIter:
    __iter__ = None
print(isinstance(Sized3(), cabc.Sized), isinstance(Iter(), cabc.Iterable), isinstance(NotIter(), cabc.Iterable))
print(issubclass(Sized3, cabc.Container), issubclass(Iter, cabc.Reversible))
class Gen:
    def __iter__(self): return self
    def __next__(self): raise StopIteration
    def send(self, v): pass
    def throw(self, *a): pass
    def close(self): pass
print(isinstance(Gen(), cabc.Iterator), isinstance(Gen(), cabc.Generator))
def g(): yield
print(isinstance(g(), cabc.Generator), isinstance(iter([]), cabc.Iterator))

# registering a class as a Sequence / Mapping
class MySeq:
    def __init__(self, *items): self.items = items
    def __len__(self): return len(self.items)
    def __getitem__(self, i): return self.items[i]
cabc.Sequence.register(MySeq)
print(isinstance(MySeq(), cabc.Sequence), isinstance(MySeq(), cabc.Reversible), issubclass(MySeq, cabc.Collection))

class MyMap:
    def __init__(self, **kw): self.d = kw
    def __getitem__(self, k): return self.d[k]
    def __len__(self): return len(self.d)
    def __iter__(self): return iter(self.d)
    def keys(self): return self.d.keys()
    def get(self, k, default=None): return self.d.get(k, default)
cabc.Mapping.register(MyMap)

class Derived(cabc.Sequence):
    def __init__(self, *items): self.items = items
    def __len__(self): return len(self.items)
    def __getitem__(self, i): return self.items[i]

def kind(x):
    match x:
        case [a, b]:
            return ('seq2', a, b)
        case {'k': v}:
            return ('map', v)
        case _:
            return 'other'
print(kind(MySeq(1, 2)), kind(Derived(3, 4)), kind(MyMap(k=5)), kind(MySeq(1)), kind(object()))
print(list(Derived(1, 2, 3)), Derived(1, 2).index(2), 2 in Derived(1, 2), list(reversed(Derived(1, 2))))

# mixins and abstract methods
try:
    class Half(cabc.MutableMapping):
        def __getitem__(self, k): return 1
    Half()
except TypeError as e:
    print(e)
print(sorted(cabc.MutableSequence.__abstractmethods__))
print(cabc.Sequence.__abstractmethods__ == frozenset({'__getitem__', '__len__'}))
