# BaseException.__dict__ (get, set, delete) and copying exceptions with attributes.
e = ValueError('x'); e.extra = 1
print(e.__dict__, ValueError('y').__dict__)
e.__dict__ = {'z': 2}; print(e.z)
class E(Exception): pass
print(E().__dict__)
import types
f = lambda: 1
print(f.__dict__, types.ModuleType('m').__dict__['__name__'])
try: e.__dict__ = 1
except TypeError as x: print(x)
try: del e.__dict__
except TypeError as x: print(x)
import copy
e = ValueError('x', 2); e.extra = [1]
c = copy.copy(e); d = copy.deepcopy(e)
print(c.args, c.extra is e.extra, d.extra, d.extra is e.extra, e.__reduce__())
class MyErr(Exception):
    def __init__(self, a, b): super().__init__(a); self.b = b
try:
    print(copy.copy(MyErr(1, 2)).b)
except TypeError as ex:
    print('TypeError', ex)
