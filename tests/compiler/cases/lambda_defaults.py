f = lambda a, b=2, *c, d=4, **e: (a, b, c, d, e)
