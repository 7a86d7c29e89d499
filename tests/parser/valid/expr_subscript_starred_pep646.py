a[*b]
a[*b, c]
a[c, *b]
a[1:2, *b]
x: tuple[*Ts]
def f(*args: *Ts): pass
a[*b] = 1
del a[*b]
