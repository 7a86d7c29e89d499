match x:
    case C(**a):
        pass
