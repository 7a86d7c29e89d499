match x:
    case 1: pass
    case 'a': pass
    case b'b': pass
    case None: pass
    case True: pass
    case -2: pass
    case 1.5: pass
