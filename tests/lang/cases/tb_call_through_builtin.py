def key(x):
    return x.lower()
print(sorted(['b', 'A', 3], key=key))
