x = a[1]
a[2] = 3
del a[4]
y = a[1:2]
z = a[i:j]
w = a[::2]
a[i:j] = b
v = a[i, j]
