@dec
def f(): pass
@dec.attr
@dec(1, 2, k=3)
@dec.a.b(c)(d)
def g(): pass
@x[0]
@(lambda f: f)
@a if b else c
@(y := z)
@f(*a, **k)
def h(): pass
