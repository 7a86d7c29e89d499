with open(f) as (a, b), g() as c[0], h():
    pass
