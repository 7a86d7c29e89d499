a = b = c = [1]
print(a is b is c)
x, y = 1, 2
x, y = y, x
print(x, y)
(p, q), r = (3, 4), 5
print(p, q, r)
[s, t] = 'st'
print(s, t)
first, *rest = range(5)
print(first, rest)
*init, last = 'abcd'
print(init, last)
a, *m, z = [1, 2]
print(a, m, z)
d = {}
d['k'], d['j'] = 1, 2
print(d)
