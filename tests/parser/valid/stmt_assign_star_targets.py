a, *b = c
*a, b = c
[a, *b, c] = d
(*a,) = b
for x, *y in z: pass
