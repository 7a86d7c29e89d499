x = 0
def f():
    global x
    global a, b, c
    y = 1
    def g():
        nonlocal y
        nonlocal y
        y += 1
    return g
