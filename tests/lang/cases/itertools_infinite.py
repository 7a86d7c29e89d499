# count, cycle and repeat: values, reprs, modes, length hints.
from itertools import count, cycle, repeat, islice
import sys

def take(n, it):
    return list(islice(it, n))

print(take(5, count()))
print(take(5, count(10)))
print(take(5, count(-3)))
print(take(4, count(1.5, 0.5)))
print(take(4, count(2, 3)))
print(take(4, count(2, -1)))
print(take(3, count(1, 1.0)))
print(take(3, count(1 + 2j, 1j)))
print(take(3, count(start=3, step=2)))
print(take(3, count(step=5)))
print(take(3, count(2 ** 70)))
print(take(3, count(2 ** 70, -(2 ** 69))))
print(take(3, count(True)))
c = count(2 ** 63 - 2)
print(next(c), next(c), next(c), next(c))
print(repr(c))
for args in [(), (5,), (-1,), (5, 1), (5, 2), (1.5, 0.5), (1, 1.0), (0.0,), (5, 1.5),
             (2 ** 70,), (1 + 2j,), (1 + 2j, 1j), (-1, -1), (1, 0), (True,)]:
    print(args, repr(count(*args)))
c = count(3)
next(c)
print(repr(c))

class MyCount(count):
    pass
print(repr(MyCount(4, 2)), take(2, MyCount(4, 2)))

class Num:
    def __init__(self, v): self.v = v
    def __index__(self): return self.v
    def __add__(self, other): return Num(self.v + (other.v if isinstance(other, Num) else other))
    def __repr__(self): return f"Num({self.v})"
print(take(3, count(Num(1), Num(2))))
print(take(3, count(Num(1))))

print(take(7, cycle("abc")))
print(take(5, cycle([1])))
print(list(cycle([])))
print(take(6, cycle(x * x for x in range(3))))
cy = cycle(iter([1, 2]))
print(next(cy), next(cy), next(cy), next(cy), next(cy))

print(list(repeat("x", 3)))
print(list(repeat("x", 0)), list(repeat("x", -5)))
print(take(4, repeat(None)))
print(list(repeat(object=7, times=2)))
r = repeat("a", 3)
print(repr(r), r.__length_hint__())
next(r)
print(repr(r), r.__length_hint__())
print(repr(repeat(1)), repr(repeat([1, 2], 2)), repr(repeat(1, -3)))
try:
    repeat(1).__length_hint__()
except TypeError as e:
    print("TypeError", e)
print(list(map(pow, range(5), repeat(2))))
print(list(zip("abc", repeat(0))))
class MyRepeat(repeat):
    pass
print(repr(MyRepeat(3, 2)))
