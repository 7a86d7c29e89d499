def f(x):
    match x:
        case (1, y) | (2, y) | [y, 3]:
            return y
        case {'a': v} | {'b': v}:
            return v
    return None
print(f((1, 'one')), f((2, 'two')), f(['L', 3]), f({'b': 'bee'}), f((3, 3)))
