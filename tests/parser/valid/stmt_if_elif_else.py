if a:
    pass
elif b:
    pass
elif c:
    x = 1
else:
    y = 2
if a: b = 1
elif c: d = 2
else: e = 3
