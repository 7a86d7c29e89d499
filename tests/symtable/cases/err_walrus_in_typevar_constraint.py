def f[T: ((x := 1), int)](): pass
