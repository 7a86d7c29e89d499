def f():
    global g
    [g := x for x in data]
