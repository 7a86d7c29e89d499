def f():
    v = int
    class C:
        a: v
        v2 = 1
        b: v2
