print(sum([1, 2, 3]), sum([1, 2], 10), sum([0.1] * 3), sum([[1], [2]], []), sum(range(101)), sum([], start=5))
print(sum([1.5, 2, True]), sum((x for x in [1e100, 1.0, -1e100])))
try:
    sum(['a', 'b'], '')
except TypeError as e:
    print('TypeError:', e)
