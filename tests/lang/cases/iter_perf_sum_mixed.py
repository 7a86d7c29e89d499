# sum(): the machine-word and float fast paths must give exactly the
# results of repeated +, including overflow past 63 bits, bools, big
# ints, subclasses, start values and the compensated float summation.


M = 2**63 - 1
print(sum([]), sum([], 5), sum([], start=2.5), sum((), []) )
print(sum(range(10)), sum(range(10), 100), sum(range(10), -2**70))
print(sum([M, 1]), sum([M, M, M]), sum([-M, -1, -1]), sum([-M - 1, -1]))
print(sum([2**63, -1]), sum([2**64, -2**64, 5]), sum([10**30, 1, 2]))
print(sum([True, True, 3]), sum([True, False], 0), type(sum([True, True])).__name__)
print(sum([1, 2.5, 3]), sum([2**53, 1, 0.5]), sum([2**53, 1, 0.5, 0.5]))
print(sum([0.1] * 10), sum([0.1] * 10, 1), sum([1e100, 1.0, -1e100, 1.0]))
print(sum([2**53 + 1, 0.0]), sum([0.0, 2**53 + 1]), sum([0.5, 2**60 + 1, 0.5]))
print(sum([1.0, 2**1000]), sum([1, 2, 3.0, 10**20]))
print(sum([float("inf"), 1]), sum([float("inf"), -float("inf")]), sum([1, float("nan")]))
print(sum([1e308, 1e308]), sum([-0.0, -0.0]), sum([-0.0], -0.0), sum([-0.0]))
print(sum([1, 2j, 3.5]), sum([1.5, 2j]))
from fractions import Fraction

print(sum([1, Fraction(1, 3), 2]), sum([0.5, Fraction(1, 2)]))

class I(int):
    def __add__(self, other):
        return I(int(self) + int(other) + 100)
    __radd__ = __add__
print(sum([1, I(2), 3]), sum([I(1)], 0), sum([1, 2], I(0)))
class F(float):
    def __radd__(self, other):
        return "radd"
print(sum([1.0, F(2.0)]), sum([1, F(2.0)]))
print(sum([[1], [2]], []), sum([(1,), (2, 3)], ()))
for bad in (["a", "b"], [1, "x"], [1.5, None]):
    try:
        sum(bad)
    except TypeError as e:
        print("TypeError:", e)
for start in ("", b"", bytearray()):
    try:
        sum([], start)
    except TypeError as e:
        print("TypeError:", e)
def gen():
    yield 1
    yield 2
    raise ValueError("boom")
try:
    sum(gen())
except ValueError as e:
    print("ValueError:", e)
def gen2():
    yield 1.5
    raise KeyError("k")
try:
    sum(gen2())
except KeyError as e:
    print("KeyError:", e)
print(sum(x * x for x in range(1000)), sum(x / 3 for x in range(100)))
