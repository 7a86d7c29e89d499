a = 1
del a
try:
    a
except NameError as e:
    print(e)
lst = [0, 1, 2, 3, 4, 5]
del lst[1], lst[2:4]
print(lst)
d = {'x': 1, 'y': 2}
del d['x']
print(d)
class O: pass
o = O(); o.attr = 1
del o.attr
print(hasattr(o, 'attr'))
def f():
    x = 1
    def g():
        return x
    del x
    try:
        g()
    except NameError as e:
        print(type(e).__name__, e)
f()
