def f(x):
    try:
        return g(x)
    finally:
        h()
