a = b = c = 1
a.b = c[0] = d.e.f = 2
