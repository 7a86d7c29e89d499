def f():
    global x
    x = 1
    return x
