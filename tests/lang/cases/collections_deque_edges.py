# deque edge cases: mutation during searches, iterator objects, big rotations, maxlen interplay.
from _collections import deque, _deque_iterator, _deque_reverse_iterator

def attempt(f, *a):
    try:
        r = f(*a)
        print("ok", r)
    except Exception as e:
        print(type(e).__name__, e)

class Mut:
    def __init__(self, d): self.d = d
    def __eq__(self, o):
        self.d.append(0)
        return False
d = deque([1, 2, 3])
d.appendleft(Mut(d))
attempt(d.count, 5)
d = deque([1, 2, 3]); d.append(Mut(d))
attempt(d.index, 5)
d = deque([1, 2, 3]); d.append(Mut(d))
attempt(d.remove, 5)
d = deque([1, 2, 3]); d.append(Mut(d))
attempt(d.__contains__, 5)
class Eq:
    def __eq__(self, o): raise ValueError('boom')
attempt(deque([Eq()]).count, 1)
attempt(deque([Eq()]).remove, 1)
attempt(deque([Eq()]).__contains__, 1)
attempt(lambda: deque([Eq()]) == deque([Eq()]))
# remove of the right item, in a large deque
big = deque(range(1000))
big.remove(500); big.remove(0); big.remove(999)
print(len(big), big[0], big[-1], big[498], big[499], 500 in big)
del big[100]; del big[-100]; del big[0]
print(len(big), big[0], big[99], big[-99])
big.insert(300, 'x'); print(big[300], big.index('x'), len(big))
# index with bounds beyond size
c = deque('abcabc')
print(c.index('c', -100, 100), c.index('a', 1), c.index('b', -2))
attempt(c.index, 'a', 4, 5)
attempt(c.index, 'a', 1, 0)
# iterator objects
it = iter(deque(range(5)))
next(it); next(it)
print(type(it).__reduce__ is not None, it.__reduce__()[0] is _deque_iterator, it.__reduce__()[1][1])
it2 = _deque_iterator(deque(range(5)), 3); print(list(it2))
rit = _deque_reverse_iterator(deque(range(5)), 1); print(list(rit))
print(list(_deque_iterator(deque(range(5)))), list(_deque_iterator(deque(range(3)), 10)))
attempt(_deque_iterator, [1, 2])
attempt(_deque_iterator)
e = deque([1])
it3 = iter(e)
e.append(2)
attempt(next, it3)
attempt(next, it3)
ri = reversed(deque(range(100)))
print(ri.__length_hint__(), next(ri), ri.__length_hint__())
# rotations of every size against a list model
model = list(range(130)); dq = deque(model)
for k in (1, -1, 64, -64, 65, 129, 130, 131, -260, 1000, -999, 0):
    dq.rotate(k)
    k %= len(model)
    model = model[-k:] + model[:-k] if k else model
    assert list(dq) == model, k
print('rotations ok', dq[0], dq[-1])
deque().rotate(5); deque([1]).rotate(-3)
# appends and pops across block boundaries from both sides
dq = deque()
for i in range(500):
    dq.appendleft(i)
for i in range(500):
    assert dq.pop() == i
print(len(dq), dq)
for i in range(300):
    dq.append(i)
    dq.popleft() if i % 3 == 0 else None
print(len(dq), dq[0], dq[-1])
# maxlen interplay
m = deque(maxlen=3)
m.extend(range(10)); print(m)
m.extendleft(range(5)); print(m)
m += [7, 8]; print(m)
m *= 2; print(m)
print(deque([1, 2, 3], maxlen=3) + deque([4]), deque([1, 2], maxlen=2) * 3)
attempt(deque([1, 2], maxlen=2).insert, 1, 'x')
n = deque([1, 2], maxlen=3); n.insert(1, 'x'); print(n)
print(deque(range(5), maxlen=None).maxlen, deque(maxlen=2).maxlen)
# setitem and comparisons of mixed contents
s = deque([1, 'a', 2.5]); s[1] = None; print(s, s == deque([1, None, 2.5]), s != deque([1, None, 2.5]))
print(deque([1, 2]) < deque([1, 2, 0]), deque([]) < deque([0]), deque([3]) > deque([2, 9]))
print(sorted([deque([2]), deque([1, 5]), deque([1])]))
print(deque('abc').__sizeof__() > 0, len(deque(range(10 ** 5))))
class D(deque):
    def __init__(self, *a, **k):
        print('init', a, k)
        super().__init__(*a, **k)
x = D([1], 4)
print(x.copy(), x.__copy__(), x + D([2]))
print(deque(x) == x, deque([x]) == deque([x]))
