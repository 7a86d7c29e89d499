def f(a):
    for b in a:
        for c in b:
            for d in c:
                if d:
                    while d:
                        d -= 1
    return a
