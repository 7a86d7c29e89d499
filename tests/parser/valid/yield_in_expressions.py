def g():
    x = 1 + (yield)
    if (yield): pass
    while (yield x): pass
    print((yield), (yield 1))
    z = yield *a, b
