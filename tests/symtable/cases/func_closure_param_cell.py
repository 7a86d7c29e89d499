def outer(x, y):
    def inner():
        return x
    return inner
