# The native _abc behind Lib/abc.py (executed from source): abstract
# methods, register, isinstance/issubclass with virtual subclasses,
# __subclasshook__, caches and their invalidation, _get_dump.
import sys
LIB = 'build/lib/adder3.14/'
def load(name):
    m = type(sys)(name)
    m.__file__ = LIB + name + '.py'
    sys.modules[name] = m
    exec(compile(open(m.__file__).read(), m.__file__, 'exec'), m.__dict__)
    return m
abc = load('abc')
print(abc.ABCMeta.__module__, abc.ABCMeta.register.__qualname__)
import _abc
print(abc._abc_init is _abc._abc_init)

class A(abc.ABC):
    @abc.abstractmethod
    def f(self): ...
    @property
    @abc.abstractmethod
    def p(self): ...
print(sorted(A.__abstractmethods__))
try: A()
except TypeError as e: print(e)
class B(A):
    def f(self): return 1
print(sorted(B.__abstractmethods__))
try: B()
except TypeError as e: print(e)
class C(B):
    p = 3
print(C.__abstractmethods__, C().f(), C().p)
print(isinstance(C(), A), issubclass(C, A), issubclass(int, A))
class V: pass
print(A.register(V) is V)
print(isinstance(V(), A), issubclass(V, A), issubclass(V, B))
class W(V): pass
print(issubclass(W, A), isinstance(W(), A))
print(A.register(A) is A)
try: V.register = None; A.register(1)
except TypeError as e: print(e)
try:
    class M(metaclass=abc.ABCMeta): pass
    M.register(A); A.register(M)
except RuntimeError as e: print(e)

class H(metaclass=abc.ABCMeta):
    @classmethod
    def __subclasshook__(cls, C):
        if cls is H:
            return any('quack' in B.__dict__ for B in C.__mro__)
        return NotImplemented
class Duck:
    def quack(self): pass
class Dog: pass
print(issubclass(Duck, H), isinstance(Duck(), H), issubclass(Dog, H), isinstance(Dog(), H))
class Bad(metaclass=abc.ABCMeta):
    @classmethod
    def __subclasshook__(cls, C): return 42
try: issubclass(int, Bad)
except AssertionError as e: print('AssertionError', e)
try: issubclass(1, A)
except TypeError as e: print(e)

tok = abc.get_cache_token()
class E(metaclass=abc.ABCMeta): pass
print(issubclass(float, E))
reg, cache, neg, ver = _abc._get_dump(E)
print(len(reg), len(cache), len(neg), ver == tok)
E.register(float)
print(abc.get_cache_token() == tok + 1, issubclass(float, E), isinstance(1.5, E))
reg, cache, neg, ver = _abc._get_dump(E)
print([r() for r in reg], len(neg))
E._abc_registry_clear(); E._abc_caches_clear()
print(issubclass(float, E))
print(type(E._abc_impl).__name__, type(E._abc_impl).__module__)

# dump registry
class Out:
    def __init__(self): self.lines = []
    def write(self, s): self.lines.append(s)
o = Out()
E._dump_registry(o)
print(''.join(o.lines).replace(str(abc.get_cache_token()), 'TOK').split('\n')[0])

# virtual subclass of a class in a hierarchy
class Base(metaclass=abc.ABCMeta): pass
class Derived(Base): pass
class Other: pass
Derived.register(Other)
print(issubclass(Other, Base), issubclass(Other, Derived), Base.__subclasses__() == [Derived])
# registered class dies: registry shrinks
import gc
class Tmp: pass
Base.register(Tmp)
print(len(_abc._get_dump(Base)[0]))
del Tmp
gc.collect()
print(len(_abc._get_dump(Base)[0]))
# update_abstractmethods
class U(abc.ABC):
    @abc.abstractmethod
    def x(self): ...
class U2(U):
    pass
U2.x = lambda self: 1
abc.update_abstractmethods(U2)
print(U2.__abstractmethods__, U2().x())
