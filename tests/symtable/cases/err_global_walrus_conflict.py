def f():
    [(x := 1) for _ in ()]
    global x
