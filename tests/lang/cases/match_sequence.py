def f(x):
    match x:
        case []:
            return 'empty'
        case [x]:
            return f'one {x}'
        case [x, y]:
            return f'two {x} {y}'
        case [first, *rest]:
            return f'first {first} rest {rest}'
for v in [[], [1], (1, 2), [1, 2, 3, 4], 'ab', range(3), iter([1])]:
    print(repr(v) if not hasattr(v, '__next__') else 'iterator', '->', f(v))
