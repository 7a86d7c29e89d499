s = {x % 5 for x in range(20)}
print(sorted(s), len(s))
pairs = {frozenset((a, b)) for a in range(3) for b in range(3) if a != b}
print(len(pairs), sorted(sorted(p) for p in pairs))
