def f():
    global g
    return [g for g in r]
