# Awkward cases: callbacks that collect, that kill other references to the
# same object, that drop their own reference; references to references;
# a finalizer that makes a new reference to garbage; many cyclic objects.
import gc
from _weakref import ref, proxy, getweakrefcount

class O:
    pass

# a callback running the collector while the referent is being freed
log = []
o = O()
junk = O(); junk.me = junk
del junk
r1 = ref(o, lambda r: (gc.collect(), log.append('collected in callback')))
del o
print(log)

# a callback killing the other references to the same object
o = O()
others = []
def killer(r):
    log.append(('killer', [x() for x in others]))
    others.clear()
rk = ref(o, killer)
others.append(ref(o, lambda r: log.append('other called')))
others.append(ref(o, lambda r: log.append('other2 called')))
log.clear()
del o
print(log)

# a callback dropping the last reference to its own weakref
holder = {}
o = O()
def self_drop(r):
    log.append(('self_drop', r is holder.get('r')))
    holder.clear()
holder['r'] = ref(o, self_drop)
log.clear()
del o
print(log, holder)

# a reference to a reference (subclass with __weakref__)
class R(ref):
    pass
o = O()
rr = R(o, lambda r: log.append('inner ref callback'))
rrr = ref(rr, lambda r: log.append('ref to ref died'))
log.clear()
del o
print(log, rr(), rrr() is rr)
del rr
print(log, rrr())

# finalizer creating a new weak reference to an object that is garbage
keep = []
class Fin:
    def __del__(self):
        keep.append(ref(self.partner))
a, b = Fin(), O()
a.partner = b; b.partner = a
del a, b
gc.collect()
print([w() for w in keep])

# a callback that is a bound method of an object kept alive by the ref
class Watcher:
    def __init__(self): self.seen = []
    def cb(self, r): self.seen.append('seen')
w = Watcher()
o = O()
rw = ref(o, w.cb)
del w
del o
print(rw.__callback__)

# many cyclic objects collected, each with a callback
count = [0]
refs = []
for i in range(300):
    x = O(); x.me = x
    refs.append(ref(x, lambda r: count.__setitem__(0, count[0] + 1)))
del x
gc.collect()
print(count[0], sum(1 for r in refs if r() is None))

# proxies keep nothing alive; chain of objects freed in one go
head = O()
cur = head
for i in range(1000):
    cur.next = O()
    cur = cur.next
tail = ref(cur, lambda r: log.append('tail died'))
p = proxy(head)
del cur
log.clear()
del head
print(log, tail())
print(getweakrefcount(O), 'ok')
