f = lambda a, b=default, *args, c, d=kd, **kw: a + b + c + free
