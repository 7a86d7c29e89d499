match v:
    case 1:
        q: int
