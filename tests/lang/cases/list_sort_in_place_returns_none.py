l = [3, 1, 2]
r = l.sort()
print(r, l)
r2 = l.reverse()
print(r2, l)
print(sorted(l) is not l, list(reversed(l)))
