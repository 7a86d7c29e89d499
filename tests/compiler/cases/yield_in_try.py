def g():
    try:
        yield 1
    except E:
        yield 2
    finally:
        yield 3
