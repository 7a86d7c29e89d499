def f(a, b=1): pass
tests = [lambda: f(), lambda: f(1, 2, 3), lambda: f(1, c=2), lambda: f(1, a=1),
         lambda: (lambda: 0)(1), lambda: len(), lambda: len(1, 2), lambda: int(x=1)]
for t in tests:
    try:
        t()
    except TypeError as e:
        print(e)
