# _heapq: min-heap and 3.14 max-heap functions, errors, comparison protocol.
import _heapq
from _heapq import *

def attempt(f, *a):
    try:
        r = f(*a)
        print("ok", r)
    except Exception as e:
        print(type(e).__name__, e)

print(sorted(n for n in dir(_heapq) if not n.startswith('__')))
data = [5, 3, 8, 1, 9, 2, 7, 4, 6, 0, 11, 10]
h = []
for x in data:
    heappush(h, x)
print(h)
print([heappop(h) for _ in range(len(h))])
h = data[:]; heapify(h); print(h)
print(heapreplace(h, 100), h)
print(heappushpop(h, -1), heappushpop(h, 50), h)
print(heappushpop([], 3))
hm = data[:]; heapify_max(hm); print(hm)
print(heappop_max(hm), heappop_max(hm), hm)
heappush_max(hm, 42); print(hm)
print(heapreplace_max(hm, 1), hm)
print(heappushpop_max(hm, 99), heappushpop_max(hm, 2), hm)
print([heappop_max(hm) for _ in range(len(hm))])
big = list(range(5000, 0, -1)); heapify(big)
print(big[:8], [heappop(big) for _ in range(5)])
bm = list(range(3000)); heapify_max(bm); print(bm[:5], heappop_max(bm))
# errors
for f in (heappush, heapreplace, heappushpop, heappush_max, heapreplace_max, heappushpop_max):
    attempt(f, (), 1)
    attempt(f, [])
for f in (heappop, heapify, heappop_max, heapify_max):
    attempt(f, None)
attempt(heappop, [])
attempt(heappop_max, [])
attempt(heapreplace, [], 1)
attempt(heapreplace_max, [], 1)
attempt(heappush, [1], 'a')
attempt(heappop)
# only < is used
class L:
    def __init__(self, v): self.v = v
    def __lt__(self, o):
        print('lt', self.v, o.v)
        return self.v < o.v
    def __repr__(self): return 'L%d' % self.v
hl = []
for v in (3, 1, 2):
    heappush(hl, L(v))
print(hl, heappop(hl))
class G:
    def __init__(self, v): self.v = v
    def __gt__(self, o): return self.v > o.v
attempt(heappush, [G(1)], G(2))
# mutation during comparison
class Bad:
    def __init__(self, h): self.h = h
    def __lt__(self, o):
        self.h.clear()
        return True
hb = [1, 2]
hb2 = [Bad(hb), Bad(hb)]
attempt(heapify, [Bad(hb)] * 3)
mut = []
class M:
    def __lt__(self, o):
        mut.append(0)
        return False
mut.extend([M(), M()])
attempt(heappush, mut, M())
class Sub(list): pass
s = Sub([3, 1, 2]); heapify(s); print(s, type(s).__name__, heappop(s))
# tuples and stability idiom
pq = []
for pri, name in [(2, 'b'), (1, 'a'), (3, 'c'), (1, 'a2')]:
    heappush(pq, (pri, name))
print([heappop(pq) for _ in range(4)])
