def f():
    global x
    def g():
        return x
    return g
