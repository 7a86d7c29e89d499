def f():
    x: int
    def g():
        return x
