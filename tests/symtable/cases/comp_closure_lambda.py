def f():
    return [lambda: x for x in y]
