d = {'a': 1, 'b': 2, 'c': 3}
for k in list(d):
    if d[k] % 2:
        del d[k]
print(d)
for k, v in sorted({'z': 1, 'y': 2}.items()):
    print(k, v)
