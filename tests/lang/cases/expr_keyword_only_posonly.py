def f(a, b, /, c, *, d, e=5):
    return a, b, c, d, e
print(f(1, 2, 3, d=4), f(1, 2, c=3, d=4, e=6))
for args, kw in [((1, 2, 3, 4), {}), ((1,), {'b': 2, 'c': 3, 'd': 4}), ((1, 2, 3), {})]:
    try:
        f(*args, **kw)
    except TypeError as e:
        print('TypeError:', e)
def g(a, /, **kw):
    return a, kw
print(g(1, a=2))
