@deco(arg)
def f(x=dflt, *, y=kwd):
    pass
