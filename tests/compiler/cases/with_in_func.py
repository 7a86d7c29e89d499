def f(p):
    with open(p) as fp:
        return fp.read()
