tests = [
    lambda: [][0], lambda: ()[5], lambda: 'abc'[10], lambda: {}.pop('x'), lambda: [].pop(),
    lambda: 1 + 'a', lambda: 'a' + 1, lambda: [] + (), lambda: None(), lambda: 5[0],
    lambda: len(5), lambda: int('abc'), lambda: float('x'), lambda: 1 / 0, lambda: 1 % 0,
    lambda: 1.0 / 0, lambda: divmod(1, 0), lambda: [].index(3), lambda: 'abc'.index('z'),
    lambda: list.remove([], 1), lambda: {1, 2}.remove(3), lambda: iter(5), lambda: next(iter([])),
    lambda: object().x, lambda: undefined_name, lambda: (1, 2).count(), lambda: hash([]),
    lambda: {[]: 1}, lambda: 'a' * 'b', lambda: -'a', lambda: ~1.5, lambda: 2 ** 'x',
    lambda: chr(-1), lambda: ord('ab'), lambda: [1, 2] < [1, 'a'], lambda: 1 < 'a',
]
for t in tests:
    try:
        t()
        print('no error')
    except Exception as e:
        print(type(e).__name__ + ':', e)
