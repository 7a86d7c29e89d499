def f(xs):
    for x in xs:
        try:
            g(x)
        except E:
            continue
        except F as e:
            return e
        else:
            break
