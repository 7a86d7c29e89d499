def wraps_like(src):
    def deco(dst):
        dst.__name__ = src.__name__
        dst.__qualname__ = src.__qualname__
        dst.__doc__ = src.__doc__
        dst.__wrapped__ = src
        return dst
    return deco
def logged(fn):
    @wraps_like(fn)
    def inner(*a):
        print('calling', fn.__name__, a)
        return fn(*a)
    return inner
@logged
def add(a, b):
    "Add two things."
    return a + b
print(add(2, 3), add.__name__, add.__doc__, add.__wrapped__(1, 1))
