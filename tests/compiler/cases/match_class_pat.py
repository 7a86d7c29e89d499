match x:
    case int(): pass
    case P(1, y=2): pass
    case P(a, b) as p: pass
    case Q(x=_): pass
