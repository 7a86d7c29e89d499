def f():
    return [lambda: (q := 1) for x in y]
