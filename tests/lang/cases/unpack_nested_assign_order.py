x = [0, 0, 0]
i = 0
i, x[i] = 1, 2
print(i, x)
a = b = []
a.append(1)
print(b)
l = [1, 2, 3]
l[0], l[1] = l[1], l[0]
print(l)
d = {}
d['a'] = d['b'] = 5
print(d)
