l = [1, 2]
l.extend(l)
print(l)
l *= 2
print(l, len(l))
l[:] = []
print(l)
