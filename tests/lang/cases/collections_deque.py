# _collections.deque: methods, indexing, maxlen, repr, comparisons, errors.
from _collections import deque

def attempt(f, *a):
    try:
        r = f(*a)
        print("ok", r)
    except Exception as e:
        print(type(e).__name__, e)

d = deque()
print(d, len(d), bool(d))
d = deque('abc')
print(d, len(d), bool(d), d.maxlen)
for i in range(300):
    d.append(i)
    d.appendleft(-i)
print(len(d), d[0], d[-1], d[150], d[-150], d[301], d[302])
print(sum(d[i] if isinstance(d[i], int) else 0 for i in range(len(d))))
while len(d) > 3:
    d.pop()
    if len(d) > 3:
        d.popleft()
print(d)
attempt(deque().pop)
attempt(deque().popleft)
attempt(d.__getitem__, 10)
attempt(d.__getitem__, -10)
attempt(d.__getitem__, 'x')
attempt(lambda: d[1:2])
attempt(d.__setitem__, 5, 1)

# maxlen
m = deque(range(10), maxlen=3)
print(m, m.maxlen)
m.append(10); print(m)
m.appendleft(-1); print(m)
m.extend([1, 2]); print(m)
m.extendleft([7, 8]); print(m)
print(deque(maxlen=0), deque([1,2], maxlen=0))
z = deque(maxlen=0); z.append(1); z.appendleft(2); print(z)
attempt(deque, [], -1)
attempt(deque, [], 'a')
attempt(deque, [], 1, 2)
attempt(deque, 1)
attempt(lambda: deque(iterable=[1], maxlen=2))
attempt(lambda: deque(foo=1))
attempt(setattr, m, 'maxlen', 4)

# extend / extendleft / self
e = deque([1, 2, 3])
e.extend(e); print(e)
e.extendleft(e); print(e)
e.extendleft('ab'); print(e)
e += [9]; print(e)
e += e; print(len(e))
attempt(e.extend, 5)

# count/index/remove/insert
c = deque([1, 2, 3, 2, 1, 2])
print(c.count(2), c.count(5), c.index(2), c.index(2, 2), c.index(2, 2, 4), c.index(1, -3))
attempt(c.index, 7)
attempt(c.index, 2, 6)
attempt(c.index, 2, 'a')
attempt(c.index)
c.remove(2); print(c)
attempt(c.remove, 42)
c.insert(0, 'a'); c.insert(100, 'z'); c.insert(-1, 'y'); c.insert(2, 'm'); c.insert(-100, 'first'); print(c)
f = deque([1, 2], maxlen=2)
attempt(f.insert, 0, 5)
attempt(c.insert, 'x', 1)
attempt(c.insert, 1)

# reverse, rotate
r = deque(range(10))
r.reverse(); print(r)
r.rotate(); print(r)
r.rotate(3); print(r)
r.rotate(-4); print(r)
r.rotate(23); print(r)
r.rotate(-17); print(r)
attempt(r.rotate, 'a')
attempt(r.rotate, 1, 2)
big = deque(range(1000))
big.rotate(333); print(big[0], big[-1], big[500])
big.reverse(); print(big[0], big[-1], big[500])

# setitem, delitem, contains
s = deque(range(200))
s[0] = 'a'; s[-1] = 'z'; s[100] = 'm'
del s[1]; del s[-2]; del s[98]
print(len(s), s[0], s[1], s[-1], s[-2], s[98], s[97])
print('m' in s, 'q' in s, 5 in s)
attempt(s.__delitem__, 500)

# clear, copy
cp = s.copy(); print(cp == s, cp is s, type(cp).__name__)
s.clear(); print(s, len(cp))
print(deque([1, 2], maxlen=5).__copy__())

# comparisons
print(deque([1, 2]) == deque([1, 2]), deque([1, 2]) != deque([1, 3]), deque([1, 2]) < deque([1, 3]))
print(deque([1, 2]) <= deque([1, 2]), deque([2]) > deque([1, 9]), deque([1]) >= deque([1, 0]))
print(deque([1, 2]) == [1, 2])
attempt(lambda: deque() < [])
attempt(hash, deque())

# arithmetic
a = deque([1, 2], maxlen=3)
print(a + deque([3, 4]), deque([0]) + a)
attempt(lambda: a + [1])
print(a * 3, 2 * deque('ab'), deque('ab') * 0, deque('ab') * -1)
a *= 2; print(a)
b = deque('xy'); b *= 3; print(b)

# iteration
it = iter(deque([1, 2, 3]))
print(type(it).__name__, it.__length_hint__(), next(it), it.__length_hint__(), list(it))
rit = reversed(deque([1, 2, 3]))
print(type(rit).__name__, list(rit))
md = deque([1, 2, 3])
try:
    for x in md:
        md.append(x)
except RuntimeError as ex:
    print('RuntimeError', ex)
md = deque([1, 2, 3])
try:
    for x in reversed(md):
        md.pop()
except RuntimeError as ex:
    print('RuntimeError', ex)
print(list(deque(range(130))) == list(range(130)), list(reversed(deque(range(130)))) == list(range(129, -1, -1)))

# repr
rr = deque(); rr.append(rr); print(rr)
rl = deque([1]); rl.append([rl]); print(rl)
class Sub(deque): pass
print(Sub([1, 2]), Sub([1], maxlen=4), type(Sub([1]).copy()).__name__, Sub([1]) == deque([1]))
print(deque[int], deque.__class_getitem__(str))

# reduce / pickling shape
print(deque([1, 2]).__reduce__()[0:3], list(deque([1, 2]).__reduce__()[3]))
print(deque([1, 2], maxlen=4).__reduce__()[1])
sd = Sub([5]); sd.attr = 1
print(sd.__reduce__()[2])

# __init__ again resets
ri = deque([1, 2, 3]); ri.__init__([4]); print(ri)
# maxlen and bool
print(bool(deque([0])), deque.__hash__)
print(isinstance(deque(), object), deque.__module__, deque.__name__)
