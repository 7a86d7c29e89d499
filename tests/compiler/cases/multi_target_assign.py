a = b = c = f()
a.x = b[0] = c
