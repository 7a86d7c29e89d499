# product, combinations, combinations_with_replacement, permutations.
from itertools import product, combinations, combinations_with_replacement as cwr, permutations
from math import comb, factorial, perm

print(list(product("ab", range(2))))
print(list(product(range(2), repeat=3)))
print(list(product()), list(product(repeat=0)), list(product([], "ab")), list(product("ab", [])))
print(list(product("ab", repeat=0)))
print(list(product("ab", "c", repeat=2)))
print(len(list(product(range(4), range(5), range(3)))))
p = product("ab", "xy")
first = next(p)
second = next(p)
print(first, second, list(p))
print([t for t in product("AB", repeat=2)])
seen = set(product(range(3), repeat=2))
print(len(seen))
keep = list(product([1, 2], [3, 4]))
print(keep, [hash(t) == hash(tuple(t)) for t in keep])

print(list(combinations("ABCD", 2)))
print(list(combinations(range(4), 3)))
print(list(combinations("AB", 0)), list(combinations("AB", 3)), list(combinations("", 0)))
print(list(combinations(iterable="abc", r=2)))
for n in range(6):
    for r in range(7):
        assert len(list(combinations(range(n), r))) == comb(n, r)
        assert len(list(permutations(range(n), r))) == (perm(n, r) if r <= n else 0)
        assert len(list(cwr(range(n), r))) == (comb(n + r - 1, r) if n else (1 if r == 0 else 0))
print("counts ok")

print(list(cwr("ABC", 2)))
print(list(cwr("AB", 0)), list(cwr("", 2)), list(cwr("", 0)), list(cwr("A", 3)))

print(list(permutations("ABC")))
print(list(permutations(range(3), 2)))
print(list(permutations("AB", 0)), list(permutations("AB", 3)), list(permutations("")))
print(list(permutations("ABC", r=None)), list(permutations(iterable="ab", r=1)))
print(sum(1 for _ in permutations(range(7))) == factorial(7))
print(sorted(permutations("aab")) == sorted(sorted(permutations("aab"))))
ps = list(permutations([1, 2, 3]))
print(ps == sorted(ps))
cs = list(combinations(range(6), 3))
print(cs == sorted(cs), all(list(c) == sorted(c) for c in cs))
for o in [product("ab"), combinations("ab", 1), cwr("ab", 1), permutations("ab")]:
    print(type(o).__name__, type(o).__module__, o.__sizeof__() > 0, iter(o) is o)
