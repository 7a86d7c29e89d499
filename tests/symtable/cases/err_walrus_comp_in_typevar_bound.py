def f[T: [(y := 1) for x in z]](): pass
