def f(*, a=1, b, c=3):
    pass
