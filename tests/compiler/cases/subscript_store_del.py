a[b] = c
del a[b]
a[b][c] = d
del a[1:2], a.b
