def f(x):
    match x:
        case 0:
            return 'zero'
        case 1 | 2 | 3:
            return 'small'
        case 'hello':
            return 'greeting'
        case b'raw':
            return 'bytes'
        case None:
            return 'none'
        case True:
            return 'true'
        case -5:
            return 'minus five'
        case 1.5:
            return 'one and a half'
        case 2j:
            return 'complex'
        case _:
            return 'other'
for v in [0, 2, 'hello', b'raw', None, True, -5, 1.5, 2j, 1.0, False, 'x']:
    print(repr(v), f(v))
