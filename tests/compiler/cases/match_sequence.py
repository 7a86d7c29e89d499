match x:
    case []: pass
    case [a]: pass
    case [a, b, *rest]: pass
    case [*_, last]: pass
    case (1, 2): pass
