def f[T: (lambda: T)](): pass
