print({3, 1, 2}, {10, 5, 1}, set(range(5)), {0}, frozenset({2, 1}))
s = set()
for i in [5, 3, 8, 1]:
    s.add(i)
print(s, sorted(s, reverse=True))
print({-1, -2, 0}, {100, 1, 10})
