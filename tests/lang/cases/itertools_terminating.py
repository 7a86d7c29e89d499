# accumulate, batched, chain, compress, dropwhile, takewhile, filterfalse,
# islice, pairwise, starmap, zip_longest.
import itertools
from itertools import (accumulate, batched, chain, compress, dropwhile, takewhile,
                       filterfalse, islice, pairwise, starmap, zip_longest)
import _operator as op

print(list(accumulate([1, 2, 3, 4, 5])))
print(list(accumulate([1, 2, 3, 4, 5], op.mul)))
print(list(accumulate([3, 1, 4, 1, 5], max)))
print(list(accumulate([1, 2, 3], initial=100)))
print(list(accumulate([], initial=100)), list(accumulate([])))
print(list(accumulate("abc")))
print(list(accumulate([1, 2, 3], func=None, initial=None)))
print(list(accumulate(iterable=[1, 2], func=lambda a, b: a - b)))
print(list(accumulate([[1], [2], [3]])))

print(list(batched("ABCDEFG", 3)))
print(list(batched(range(6), 2)))
print(list(batched([], 4)), list(batched([1], 1)))
print(list(batched("ABCDEF", 3, strict=True)))
try:
    list(batched("ABCDEFG", 3, strict=True))
except ValueError as e:
    print("ValueError", e)
b = batched("ABCDEFG", 3, strict=True)
print(next(b), next(b))
try:
    next(b)
except ValueError as e:
    print("ValueError", e)
print(list(b))
print(list(batched(iterable="ab", n=5)))

print(list(chain("abc", [1, 2], (), range(2))))
print(list(chain()), list(chain([])))
print(list(chain.from_iterable(["ab", [1], range(3)])))
print(list(chain.from_iterable(iter([]))))
def gen():
    yield "xy"
    yield "z"
print(list(chain.from_iterable(gen())))
print(chain[int], chain[int].__origin__)
c = chain([1], [2])
print(iter(c) is c, next(c), list(c), list(c))
class MyChain(chain):
    pass
print(type(MyChain.from_iterable(["ab"])).__name__, list(MyChain("a", "b")))

print(list(compress("ABCDEF", [1, 0, 1, 0, 1, 1])))
print(list(compress("ABC", [1, 1, 1, 1, 1])))
print(list(compress("ABCDEF", [0, 1])))
print(list(compress(data=range(10), selectors=itertools.cycle([True, False]))))

print(list(dropwhile(lambda x: x < 5, [1, 4, 6, 3, 8])))
print(list(dropwhile(lambda x: True, [1, 2])), list(dropwhile(lambda x: False, [1, 2])))
print(list(takewhile(lambda x: x < 5, [1, 4, 6, 3, 8])))
print(list(takewhile(lambda x: True, [1, 2])), list(takewhile(bool, [1, 0, 2])))
t = takewhile(lambda x: x < 2, iter([1, 2, 3, 0]))
print(list(t), list(t))
print(list(filterfalse(lambda x: x % 2, range(10))))
print(list(filterfalse(None, [0, 1, "", "a", None, [], [0]])))
print(list(filterfalse(bool, [0, 1, 2, 0])))

s = "ABCDEFG"
print(list(islice(s, 2)), list(islice(s, 2, 4)), list(islice(s, 2, None)))
print(list(islice(s, 0, None, 2)), list(islice(s, None)), list(islice(s, None, None, None)))
print(list(islice(s, 10)), list(islice(s, 5, 3)), list(islice(s, 1, 6, 4)), list(islice(s, 0)))
print(list(islice(range(100), 10, 20, 3)))
print(list(islice(itertools.count(), 3, 10, 2)))
class Idx:
    def __index__(self): return 2
print(list(islice(s, Idx())), list(islice(s, Idx(), None, Idx())))
class Counting:
    def __init__(self): self.n = 0
    def __iter__(self): return self
    def __next__(self):
        self.n += 1
        if self.n > 10:
            raise StopIteration
        return self.n
c = Counting()
print(list(islice(c, 5, 3)), c.n)
c = Counting()
print(list(islice(c, 2, 5, 2)), c.n)
c = Counting()
it = islice(c, 3)
print(list(it), c.n, list(it), c.n)
it = iter(range(10))
print(list(islice(it, 3)), list(islice(it, 3)), list(it))

print(list(pairwise("ABCD")), list(pairwise("A")), list(pairwise("")))
print(list(pairwise(range(5))))

print(list(starmap(pow, [(2, 5), (3, 2), (10, 3)])))
print(list(starmap(lambda *a: a, [[1, 2], "ab", (), iter([3])])))
print(list(starmap(op.add, zip("abc", "xyz"))))

print(list(zip_longest("ABCD", "xy", fillvalue="-")))
print(list(zip_longest("AB", "xyz")))
print(list(zip_longest()), list(zip_longest([])), list(zip_longest(fillvalue=1)))
print(list(zip_longest("a", "bc", "def", fillvalue=0)))
z = zip_longest([1, 2], [3])
print(next(z), next(z), list(z), list(z))
