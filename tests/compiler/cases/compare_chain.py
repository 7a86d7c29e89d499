x = a < b < c
if a == b != c:
    pass
y = a is None
z = a is not None
q = a in b
r = a not in b
