a, b = b, a
a, b, c = c, b, a
x, y = t
(a, b), c = t
a, *b, c = t
*a, b = t
[a, b] = t
