def f():
    del x
