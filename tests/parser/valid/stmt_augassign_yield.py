def g():
    x += yield
    y -= yield 1
