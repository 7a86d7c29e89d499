def f():
    global a, b
    a = 1
    del b
    return c
