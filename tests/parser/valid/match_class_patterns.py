match x:
    case Point():
        pass
    case Point(0, 0):
        pass
    case Point(x=0, y=0):
        pass
    case Point(1, y=2):
        pass
    case mod.Point(x, y=[1, 2]):
        pass
    case int(n) | float(n):
        pass
    case C(a, b,):
        pass
    case C(a=1,):
        pass
