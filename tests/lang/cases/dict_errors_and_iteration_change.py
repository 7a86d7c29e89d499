d = {'a': 1}
try:
    for k in d:
        d['new'] = 1
except RuntimeError as e:
    print('RuntimeError:', e)
try:
    d.popitem(); d.popitem(); {}.popitem()
except KeyError as e:
    print('KeyError:', e)
try:
    dict([(1, 2, 3)])
except ValueError as e:
    print('ValueError:', e)
try:
    {}[[1]]
except TypeError as e:
    print('TypeError:', e)
