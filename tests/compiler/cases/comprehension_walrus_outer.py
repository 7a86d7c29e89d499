def f(xs):
    [y := x for x in xs]
    return y
