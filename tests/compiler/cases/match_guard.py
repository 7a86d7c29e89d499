def f(x):
    match x:
        case [a] if a > 0:
            return a
        case _ if x:
            return 0
        case _:
            return -1
