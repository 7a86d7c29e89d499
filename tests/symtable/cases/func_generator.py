def gen():
    yield 1
    x = yield from other()
