# Weak references to objects that die in the cycle collector: cleared
# before finalizers run, callbacks called only for references that are
# themselves reachable, and never seeing the dying objects.
import gc
from _weakref import ref, proxy, getweakrefcount

class Node:
    def __init__(self, name):
        self.name = name
        self.other = None

gc.collect()
gc.disable()
log = []
a, b = Node('a'), Node('b')
a.other, b.other = b, a
ra = ref(a, lambda r: log.append(('ra', r())))
rb = ref(b)
del a, b
print(ra() is not None, log)
gc.collect()
print(ra(), rb(), log)

# a weak reference inside the garbage: its callback is not called
log.clear()
a = Node('a'); a.other = a
a.wr = ref(a, lambda r: log.append('inner'))
outer = ref(a, lambda r: log.append('outer'))
del a
gc.collect()
print(log, outer())

# weak references die before __del__ runs; __del__ sees them dead
class Fin:
    def __del__(self):
        print('__del__: ref is', self.myref(), 'count', getweakrefcount(self))
f = Fin(); f.me = f
f.myref = ref(f)
watch = ref(f, lambda r: print('callback before __del__'))
del f
gc.collect()
print('watch', watch())

# resurrection by __del__: the weak reference stays dead
saved = []
class Phoenix:
    def __del__(self):
        saved.append(self)
p = Phoenix(); p.me = p
rp = ref(p, lambda r: print('phoenix callback'))
del p
gc.collect()
print(rp(), len(saved), saved[0].me is saved[0])
saved.clear()
gc.collect()

# callbacks may touch reachable objects only
survivor = Node('survivor')
log.clear()
c = Node('c'); c.other = c; c.friend = survivor
rc = ref(c, lambda r: log.append(survivor.name))
del c
gc.collect()
print(log)

# classes die too (the subclass lists hold weak references)
class Temp:
    pass
class Temp2(Temp):
    pass
rt = ref(Temp2, lambda r: print('class died'))
print(Temp.__subclasses__())
del Temp2
gc.collect()
print(rt(), Temp.__subclasses__())

# proxies to collected objects
n = Node('n'); n.other = n
pn = proxy(n)
print(pn.name)
del n
gc.collect()
try:
    pn.name
except ReferenceError as e:
    print('ReferenceError:', e)
gc.enable()
print('done')
