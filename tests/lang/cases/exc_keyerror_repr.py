d = {}
for k in ['a', 1, (1, 2), '', None]:
    try:
        d[k]
    except KeyError as e:
        print(repr(e), str(e))
