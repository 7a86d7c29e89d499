def inner():
    try:
        yield 1
        yield 2
    except ValueError:
        yield 'inner handled'
    finally:
        print('inner finally')
def outer():
    try:
        yield from inner()
    finally:
        print('outer finally')
g = outer()
print(next(g))
print(g.throw(ValueError))
g.close()
print('--')
g = outer()
next(g)
g.close()
