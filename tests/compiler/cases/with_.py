with open(f) as fp:
    data = fp.read()
with a, b as c:
    pass
