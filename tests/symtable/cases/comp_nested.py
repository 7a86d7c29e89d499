def f():
    return [[y for y in x] for x in m]
