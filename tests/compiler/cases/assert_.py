assert x
assert x, "message"
def f(y):
    assert y > 0, y
