x = a.b
a.b = 1
del a.b
a.b.c = d.e
