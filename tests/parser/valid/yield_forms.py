def g():
    yield
    yield 1
    yield 1, 2
    yield from x
    x = yield
    x = yield y
    f((yield))
    f((yield x))
    a = (yield)
    await_ = yield from (yield)
    return (yield from g())
    lambda: (yield)
