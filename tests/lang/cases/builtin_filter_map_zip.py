print(list(filter(None, [0, 1, '', 'a', None, []])), list(filter(lambda x: x % 2, range(6))))
print(list(map(pow, [2, 3], [3, 2])), list(map(str.upper, 'ab')), list(map(lambda *a: a, 'ab', 'xyz')))
print(list(zip('abc', [1, 2])), list(zip()), list(zip('a', 'b', 'c')), dict(zip('ab', 'xy')))
try:
    list(zip('abc', [1, 2], strict=True))
except ValueError as e:
    print('ValueError:', e)
try:
    list(zip('a', [1, 2], strict=True))
except ValueError as e:
    print('ValueError:', e)
print(list(map(int, ['1', '2'], strict=True)) if False else 'map strict skipped')
