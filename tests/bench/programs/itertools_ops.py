# itertools_ops.py: iterator pipelines built from itertools and _operator
# (product/permutations/combinations, groupby with itemgetter keys,
# accumulate, sorting with itemgetter/attrgetter keys, tee, islice).
import itertools as it
from _operator import itemgetter, attrgetter, methodcaller, add, mul

acc = 0
for p in it.permutations(range(8)):
    if p[0] < p[-1]:
        acc += 1
for t in it.product("abcd", range(6), repeat=3):
    acc += t[1]
acc += sum(1 for c in it.combinations(range(24), 4) if sum(c) % 7 == 0)
acc += sum(1 for c in it.combinations_with_replacement(range(10), 5))

rows = [(i % 97, (i * 7919) % 1013, "k%d" % (i % 13)) for i in range(60000)]
for _ in range(2):
    rows.sort(key=itemgetter(1, 0))
    rows.sort(key=itemgetter(2))
groups = [(k, sum(map(itemgetter(0), g))) for k, g in it.groupby(rows, key=itemgetter(2))]

class P:
    __slots__ = ("x", "y")
    def __init__(self, x, y):
        self.x = x
        self.y = y
pts = [P(i % 101, (i * 31) % 211) for i in range(40000)]
pts.sort(key=attrgetter("y", "x"))
xs = list(map(attrgetter("x"), pts))

run = list(it.accumulate(range(200000)))
prod = list(it.accumulate(range(1, 40), mul))
chained = sum(it.chain.from_iterable([range(100)] * 3000))
a, b = it.tee(range(200000))
paired = sum(x - y for x, y in zip(a, it.islice(b, 1, None)))
pw = sum(1 for x, y in it.pairwise(range(200000)) if y > x)
strs = list(map(methodcaller("upper"), ["abc", "def"] * 20000))
sm = sum(it.starmap(add, zip(range(100000), it.repeat(3))))
cnt = sum(1 for _ in it.compress(range(200000), it.cycle([1, 0, 0])))
zl = sum(len(t) for t in it.zip_longest(range(50000), range(30000), fillvalue=0))
bt = sum(len(b) for b in it.batched(range(200000), 7))
tw = sum(it.takewhile(lambda v: v < 100000, it.count()))
print(acc, groups[:3], xs[:5], run[-1], prod[-1] % 1000003, chained, paired, pw, strs[-1], sm, cnt, zl, bt, tw)
