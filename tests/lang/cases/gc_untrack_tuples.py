# After a collection, tuples that hold only atoms (and untracked tuples)
# are no longer tracked; tuples holding containers stay tracked, and cycles
# through tuples are still found.
import gc

a = (1, 'x', 2.5, None, (3, 4))
b = ([], 1)
c = ((1, 2), (3, ('s',)))
d = (object(),)
gc.collect()
print(gc.is_tracked(a), gc.is_tracked(b), gc.is_tracked(c), gc.is_tracked(d))
print(gc.is_tracked(a[4]), gc.is_tracked(c[1]))

lst = []
t = (lst, 1)
lst.append(t)
del lst, t
print(gc.collect() >= 2)


class Node:
    pass


n = Node()
n.t = (n, 'self')
del n
print(gc.collect() >= 1)
print(gc.is_tracked(()), gc.is_tracked((1,)) in (True, False))
