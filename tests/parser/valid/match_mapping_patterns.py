match x:
    case {}:
        pass
    case {"a": 1}:
        pass
    case {"a": a, "b": [b, c]}:
        pass
    case {0: _, 2.5: _, None: _, True: _}:
        pass
    case {K.A: v}:
        pass
    case {"k": v, **rest}:
        pass
    case {**rest}:
        pass
    case {"a": 1,}:
        pass
    case {-1: x, 1 + 1j: y, b"b": z}:
        pass
