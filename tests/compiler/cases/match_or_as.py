match x:
    case 1 | 2 | 3: pass
    case (a, 1) | (1, a): pass
    case [x] as whole: pass
