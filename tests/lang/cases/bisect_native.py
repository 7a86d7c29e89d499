# _bisect: bisect_left/right and insort_left/right with lo, hi and key.
from _bisect import *
import _bisect

def attempt(f, *a, **k):
    try:
        r = f(*a, **k)
        print("ok", r)
    except Exception as e:
        print(type(e).__name__, e)

print(sorted(n for n in dir(_bisect) if not n.startswith('__')))
a = [1, 2, 2, 2, 3, 5, 8]
for x in (0, 1, 2, 3, 4, 8, 9):
    print(x, bisect_left(a, x), bisect_right(a, x))
print(bisect_left(a, 2, 2), bisect_right(a, 2, 0, 3), bisect_left(a, 5, hi=4), bisect_right(a, 2, lo=4))
print(bisect_left(a, 2, 0, None), bisect_right(a, 2, 0, -1), bisect_right(a, 9, 0, -5), bisect_left(a, 2, 10))
attempt(bisect_left, a, 2, -1)
attempt(bisect_right, a, 2, lo=-3)
attempt(bisect_left, a)
attempt(bisect_left, a, 1, 2, 3, 4)
attempt(bisect_left, a, 1, 'x')
attempt(bisect_left, a, 1, foo=2)
attempt(bisect_left, 5, 1)
attempt(bisect_left, a, 'x')
attempt(bisect_right, x=1, a=[0, 1, 2])
recs = [('a', 1), ('b', 3), ('c', 5), ('d', 7)]
k = lambda r: r[1]
print(bisect_left(recs, 3, key=k), bisect_right(recs, 3, key=k), bisect_left(recs, 4, key=k), bisect_right(recs, 0, key=k))
print(bisect_left(recs, 3, key=None) if False else bisect_left([1, 3], 3, key=None))
l = []
for x in [5, 1, 4, 1, 5, 9, 2, 6]:
    insort_right(l, x)
print(l)
insort_left(l, 4); insort_right(l, 4, 0, 3); insort_left(l, 100, hi=2); print(l)
r2 = list(recs)
insort_left(r2, ('x', 3), key=k); insort_right(r2, ('y', 3), key=k); print(r2)
attempt(insort_left, (1, 2), 3)
attempt(insort_right, l, 1, -1)
class Seq:
    def __init__(self, items): self.items = list(items)
    def __len__(self): return len(self.items)
    def __getitem__(self, i): return self.items[i]
    def insert(self, i, x): print('insert', i, x); self.items.insert(i, x)
s = Seq([1, 3, 5])
print(bisect_left(s, 3), bisect_right(s, 3))
insort_left(s, 4); insort_right(s, 0); print(s.items)
class Sub(list):
    def insert(self, i, x):
        print('sub insert', i, x)
        super().insert(i, x)
sl = Sub([1, 2]); insort_left(sl, 3); print(sl)
print(bisect_left(range(0, 100, 10), 35), bisect_right('abcdef', 'c'), bisect_left((1, 2, 3), 2))
class NoLen:
    def __getitem__(self, i): return i
attempt(bisect_left, NoLen(), 5)
print(bisect_left(NoLen(), 5, 0, 100))
