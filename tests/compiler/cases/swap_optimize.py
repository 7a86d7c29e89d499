def f(a, b, c):
    a, b, c = c, b, a
    x, y = y, x
    return a, b, c
