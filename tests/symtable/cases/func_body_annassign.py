def f():
    x: int = 3
    y: foo
    z.a: int = 1
    (w): int = 2
