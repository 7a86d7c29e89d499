print(list(enumerate('abc')), list(enumerate('ab', 10)), list(enumerate([], 5)))
e = enumerate(['x', 'y'], start=-1)
print(next(e), next(e), type(e).__name__)
for i, (a, b) in enumerate([(1, 2), (3, 4)]):
    print(i, a, b)
