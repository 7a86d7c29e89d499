def a(n):
    if n == 0:
        raise RuntimeError('bottom reached')
    return b(n - 1)
def b(n):
    return a(n)
a(3)
