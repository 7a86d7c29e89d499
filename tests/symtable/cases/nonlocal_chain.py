def a():
    v = 1
    def b():
        nonlocal v
        def c():
            nonlocal v
            v = 3
        return c
    return b
