def g():
    x = yield 1
    y = yield x
    return y
