def f():
    x = 0
    def g():
        return [x := y for y in z]
    return g
