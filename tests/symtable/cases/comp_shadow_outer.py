def f():
    x = 1
    l = [x for x in range(3)]
    return x
