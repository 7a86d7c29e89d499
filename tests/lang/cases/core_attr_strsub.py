# Attribute names that are instances of a str subclass.
class S(str):
    pass

class C:
    pass

c = C()
setattr(c, S("alpha"), 1)
n = S("beta")
setattr(c, n, 2)
del n
print(sorted(vars(c).items()), [type(k).__name__ for k in vars(c)])
print(getattr(c, S("alpha")), c.beta, hasattr(c, S("beta")))
setattr(C, S("gamma"), 3)
print(C.gamma, c.gamma)
delattr(c, S("alpha"))
print(vars(c))
import types
m = types.ModuleType("m")
setattr(m, S("x"), 4)
print(m.x)
ns = types.SimpleNamespace()
setattr(ns, S("y"), 5)
print(ns)
class Sl:
    __slots__ = ("z",)
o = Sl()
setattr(o, S("z"), 6)
print(o.z)
d = {}
d[S("k")] = 1
print(d)
