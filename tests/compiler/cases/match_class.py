def f(p):
    match p:
        case Point(1, 2):
            return 1
        case Point(x, y) as pt:
            return pt
        case [1, *_, 2]:
            return 3
        case [_, _]:
            return 4
        case {}:
            return 5
        case str() | bytes():
            return 6
        case x:
            return x
