# __reduce__/__setstate__ of bytearray, callable and sequence iterators.
import copy
class Seq:
    def __getitem__(self, i):
        if i >= 3: raise IndexError
        return i * 10
for mk in (lambda: iter(bytearray(b'abc')), lambda: iter([1, 2, 3].pop, 1), lambda: iter(Seq())):
    it = mk(); first = next(it)
    r = it.__reduce__()
    print(type(it).__name__, first, r[0], type(r[1][0]).__name__, r[2:])
    rest = list(it)
    print(rest, it.__reduce__())
it = iter(bytearray(b'xyz')); next(it); print(list(copy.copy(it)))
it = iter(Seq()); next(it); print(list(copy.copy(it)))
