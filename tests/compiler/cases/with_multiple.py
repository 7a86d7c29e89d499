with a as x, b as y, c:
    f(x, y)
