def f[T: [x for x in y]](): pass
