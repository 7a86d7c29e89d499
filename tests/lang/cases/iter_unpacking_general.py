a, b, c = 'xyz'
print(a, b, c)
(a, b), c = [1, 2], 3
print(a, b, c)
for x, *y in [(1, 2, 3), (4,)]:
    print(x, y)
d = {'k1': 1, 'k2': 2}
k1, k2 = d
print(k1, k2)
for i, (k, v) in enumerate(d.items()):
    print(i, k, v)
