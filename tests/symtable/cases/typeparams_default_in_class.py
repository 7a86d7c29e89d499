class C:
    K = int
    def m[T = K](self): pass
