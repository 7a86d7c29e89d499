def f(xs):
    return tuple(x for x in xs)
