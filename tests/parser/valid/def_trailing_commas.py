def f(a,): pass
def g(a, b=1,): pass
def h(*a,): pass
def i(**a,): pass
def j(
    a,
    b,
    /,
    c,
    *,
    d,
):
    pass
