def f(a=1, b=[], *, c=x, d):
    return a
