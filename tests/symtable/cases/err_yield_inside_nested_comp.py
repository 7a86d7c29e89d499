def f():
    return [[(yield) for x in y] for z in w]
