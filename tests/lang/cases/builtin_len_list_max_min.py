print(len('abc'), len([1]), len({}), len(range(10)), list('ab'), list(range(3)))
print(max(3, 1, 2), max([4, 5]), max('abc'), max([], default='empty'), max([1, 3, 2], key=lambda x: -x))
print(min(3, 1, 2), min([4, 5]), min('abc', key=ord), min((), default=None), min([(1, 'b'), (1, 'a')]))
print(max([1, 1.0]), max([1.0, 1]), min(1, True), max({'a': 1, 'b': 0}))
for args in [(), ([],), (1,)]:
    try:
        max(*args)
    except (TypeError, ValueError) as e:
        print(type(e).__name__ + ':', e)
