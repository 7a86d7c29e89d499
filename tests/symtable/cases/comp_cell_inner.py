def f():
    return [(lambda: y) for x in a for y in x]
