print([x if x % 2 else -x for x in range(6)])
print([y for x in [[1, 2], [], [3]] if x for y in x])
