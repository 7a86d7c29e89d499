class C:
    x: (a for a in b)
