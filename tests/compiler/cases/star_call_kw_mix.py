f(a, *b, c, *d, e=1, **g, h=2)
