l = [1, 2, 3, 4]
for x in l:
    if x == 2:
        l.remove(x)
print(l)
out = []
l2 = [1, 2, 3]
for x in l2:
    out.append(x)
    if len(l2) < 5:
        l2.append(x * 10)
print(out)
