class C:
    a = [1]
    b = [x for x in a]
    c = [y for y in range(3) if y in a]
