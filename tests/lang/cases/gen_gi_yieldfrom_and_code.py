def inner():
    yield 1
def outer():
    yield from inner()
o = outer()
next(o)
print(o.gi_yieldfrom.__name__, o.gi_code.co_name, inner().gi_yieldfrom)
