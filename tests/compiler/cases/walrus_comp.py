def f(xs):
    if any((n := x) > 5 for x in xs):
        return n
    return [y := x for x in xs]
