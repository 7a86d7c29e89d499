# The itertools types: names, module, attributes, subclassing, no pickling
# methods of their own (removed in 3.14), GC of cycles through them.
import itertools
import gc

names = [n for n in dir(itertools) if not n.startswith("__")]
print(names)
print(itertools.__name__, itertools.__doc__.splitlines()[0])
for n in names:
    o = getattr(itertools, n)
    print(n, type(o).__name__, o.__module__, o.__name__, o.__qualname__,
          hasattr(o, "__class_getitem__"), "__reduce__" in vars(o) if isinstance(o, type) else "-",
          "__setstate__" in vars(o) if isinstance(o, type) else "-")
print(repr(itertools.chain), repr(itertools._tee), repr(itertools.tee)[:27])
print(itertools.chain[int, str])
for n in ["count", "repeat", "chain", "cycle", "islice", "groupby", "product", "zip_longest",
          "accumulate", "batched", "pairwise", "starmap", "compress", "takewhile", "dropwhile",
          "filterfalse", "permutations", "combinations", "combinations_with_replacement"]:
    class Sub(getattr(itertools, n)):
        pass
for n in ["_grouper", "_tee", "_tee_dataobject"]:
    try:
        class Sub(getattr(itertools, n)):
            pass
    except TypeError as e:
        print("TypeError", e)

class C(itertools.chain):
    def __init__(self, *args):
        self.extra = len(args)
c = C("ab", "c")
print(type(c).__name__, c.extra, list(c), isinstance(c, itertools.chain))

class Node:
    pass
gc.collect()
n = Node()
n.it = itertools.cycle([n])
n2 = Node()
n2.it = itertools.repeat(n2)
n3 = Node()
n3.it = itertools.chain([n3])
a, b = itertools.tee([Node()])
n4 = Node()
n4.t = itertools.tee(iter([n4, 1]))
next(n4.t[0])
n5 = Node()
n5.g = itertools.groupby([n5, n5])
n5.k, n5.grp = next(n5.g)
del n, n2, n3, n4, n5, a, b
print(gc.collect() > 0)
it = itertools.count()
print(next(it), next(it), list(itertools.islice(it, 3)))
print(isinstance(itertools.count(), itertools.count), type(iter(itertools.repeat(1))).__name__)
