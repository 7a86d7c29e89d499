match x:
    case 1 | 2 | 3:
        pass
    case [1, 2] as p:
        pass
    case (1 | 2) as n:
        pass
    case [(1 | 2) as a, b as c]:
        pass
    case {"x": (1 | 2) as v}:
        pass
    case Point(x=1 | 2 as x):
        pass
    case (1 | 2) | 3:
        pass
