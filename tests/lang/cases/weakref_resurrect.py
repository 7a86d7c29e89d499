# An object resurrected by __del__ keeps its dead weak references, and its
# __del__ never runs a second time (PEP 442), whether it died by
# reference counting or in the cycle collector.
import gc
from _weakref import ref

saved = []
class P:
    def __del__(self):
        print('__del__', type(self).__name__)
        saved.append(self)

p = P()
r = ref(p, lambda r: print('callback 1'))
del p
print(len(saved), r() is saved[0], gc.is_finalized(saved[0]))
r2 = ref(saved[0], lambda r: print('callback 2'))
saved.clear()
print(len(saved), r(), r2())

class Q(P):
    pass
q = Q(); q.me = q
rq = ref(q, lambda r: print('callback q'))
del q
gc.collect()
print(len(saved), rq(), gc.is_finalized(saved[0]))
rq2 = ref(saved[0], lambda r: print('callback q2'))
saved[0].me = None
saved.clear()
print(rq2())
gc.collect()
print('end')
