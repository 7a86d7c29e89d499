# Instances of subclasses of native types hold one reference to their class,
# dropped exactly once when they are freed.
import sys, time, types, _thread, gc

class S(str): pass
class N(types.SimpleNamespace): pass
class L(_thread._local): pass
class R(_thread.RLock): pass
class B(bytes): pass
class I(int): pass
class F(float): pass
class Tu(tuple): pass
class Li(list): pass
class D(dict): pass
class Se(set): pass
class O: pass

def make(cls):
    if cls is N:
        return N(a=1)
    if cls in (L, R, O):
        return cls()
    if cls in (S, B):
        return cls(b'x' if cls is B else 'x')
    return cls((1,)) if cls in (Tu, Li, Se) else cls()

for cls in (S, N, L, R, B, I, F, Tu, Li, D, Se, O):
    gc.collect()
    before = sys.getrefcount(cls)
    for i in range(20):
        x = make(cls)
        x = None
    keep = [make(cls) for i in range(5)]
    del keep
    gc.collect()
    print(cls.__name__, sys.getrefcount(cls) - before)
print(S("abc") + "d", N(a=1))
