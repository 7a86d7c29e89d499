def f():
    type T = int
    [a := 1 for _ in ()]
