def f():
    x = 1
    class C:
        def m(self):
            return x
    return C
