for x in [1, 2, 3]:
    print(x)
for y in (a, b):
    pass
if x in [1, 2]:
    pass
if y in {1, 2}:
    pass
