def f():
    return [[(m := y) for y in x] for x in z]
