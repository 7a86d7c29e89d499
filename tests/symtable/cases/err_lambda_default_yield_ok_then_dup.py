def f():
    yield
    lambda a, a: 1
