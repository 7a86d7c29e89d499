def f():
    try:
        g()
    except E as e:
        raise F('x') from e
