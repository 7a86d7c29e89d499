class C:
    def f[T: C](self): pass
