match x:
    case [a, b] if a > b:
        pass
    case y if (z := y):
        pass
    case _ if True:
        pass
    case C(v) if v and not w:
        pass
