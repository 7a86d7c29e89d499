s = {3, 1, 2}
print(sorted(s), len(s), 2 in s, 5 not in s)
s.add(4); s.discard(10); s.remove(1)
print(sorted(s))
a, b = {1, 2, 3, 4}, {3, 4, 5}
print(sorted(a | b), sorted(a & b), sorted(a - b), sorted(a ^ b))
print(sorted(a.union([9])), sorted(a.intersection(b, {4})), sorted(a.difference(b)), sorted(a.symmetric_difference(b)))
print(a <= a, {1} < a, a >= {1, 2}, a.isdisjoint({7}), {1, 2}.issubset(a), a.issuperset({4}))
c = set(a); c -= {1}; c |= {10}; c &= {2, 3, 10}; c ^= {3, 99}
print(sorted(c))
print(set(), set('aab') == {'a', 'b'}, frozenset([1]) == {1}, {frozenset([1]): 'ok'}[frozenset({1})])
try:
    set().pop()
except KeyError as e:
    print('KeyError:', e)
try:
    {1}.remove(2)
except KeyError as e:
    print('KeyError:', e)
