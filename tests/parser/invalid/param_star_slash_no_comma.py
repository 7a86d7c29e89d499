def f(a, */):
    pass
