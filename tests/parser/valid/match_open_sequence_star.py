match x:
    case *rest,:
        pass
    case a, *rest:
        pass
    case 1, 2, *_:
        pass
