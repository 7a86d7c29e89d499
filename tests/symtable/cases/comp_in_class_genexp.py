class C:
    g = (x for x in a)
