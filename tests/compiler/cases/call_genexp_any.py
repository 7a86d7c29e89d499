def f(xs):
    return any(x > 0 for x in xs), all(xs), tuple(y for y in xs)
