def f():
    return super
