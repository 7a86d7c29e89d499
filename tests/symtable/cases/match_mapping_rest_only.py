match m:
    case {**rest}:
        pass
    case [*_]:
        pass
    case (1 | 2) as n:
        pass
