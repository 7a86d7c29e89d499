print(dict(zip('abc', range(3))), dict(a=1, b=2), dict({'x': 1}, y=2), dict([['k', 'v']]))
print({k: v for k, v in reversed(list(dict(a=1, b=2).items()))})
print({x: x for x in [3, 1, 3, 2, 1]})
inv = {v: k for k, v in {'a': 1, 'b': 2, 'c': 1}.items()}
print(inv)
