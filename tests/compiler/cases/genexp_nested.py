def f(m):
    return sum(x * y for x in m for y in x if y)
