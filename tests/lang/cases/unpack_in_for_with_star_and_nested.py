for (a, b), *rest in [((1, 2), 3, 4), ((5, 6),)]:
    print(a, b, rest)
pairs = [(1, (2, 3)), (4, (5, 6))]
print([x + y + z for x, (y, z) in pairs])
