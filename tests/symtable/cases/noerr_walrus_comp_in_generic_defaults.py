def f[T](a=[(y := 1) for x in z]): pass
