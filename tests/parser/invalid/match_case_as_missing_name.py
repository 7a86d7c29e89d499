match x:
    case 1 as:
        pass
