match cmd:
    case [x, y, *rest]:
        pass
    case {"k": v, **kw}:
        pass
    case Point(x=px, y=0) | Point(a, b) if a > limit:
        pass
    case str() as s:
        pass
    case _:
        pass
