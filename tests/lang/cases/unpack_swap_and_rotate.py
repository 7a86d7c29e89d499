a, b, c = 1, 2, 3
a, b, c = c, a, b
print(a, b, c)
l = [1, 2, 3, 4]
l[0], l[-1] = l[-1], l[0]
print(l)
