def f(xs):
    for x in xs:
        with x as y:
            if y:
                break
            if not y:
                continue
            return y
