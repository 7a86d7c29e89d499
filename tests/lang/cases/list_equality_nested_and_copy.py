a = [[1, 2], [3]]
b = a.copy()
b[0].append(99)
print(a, b, a == b, a is b, a[0] is b[0])
c = [row[:] for row in a]
c[0].append(100)
print(a, c)
