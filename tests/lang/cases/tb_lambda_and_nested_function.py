apply = lambda f, x: f(x)
def outer():
    def inner(v):
        return v.upper()
    return apply(inner, 42)
outer()
