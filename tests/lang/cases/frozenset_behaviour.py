f = frozenset('abc')
print(type(f | {'d'}).__name__, type({'d'} | f).__name__, sorted(f & {'a', 'z'}))
print(hash(frozenset()) == hash(frozenset()), frozenset() == set())
try:
    f.add('x')
except AttributeError as e:
    print('AttributeError:', e)
print(len({frozenset([1, 2]), frozenset([2, 1])}))
