def f(a, b, /): pass
def g(a, /, b): pass
def h(a, /, b, *, c): pass
def i(a=1, /, b=2, *, c=3): pass
def j(a, b=2, /, c=3): pass
def k(a, /, *args, **kw): pass
def l(a, /,): pass
