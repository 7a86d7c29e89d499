def f(a, a):
    nonlocal b
