def f():
    n = 1
    return [x + n for x in y]
