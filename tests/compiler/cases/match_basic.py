match command:
    case "quit":
        quit()
    case "go" | "move":
        go()
    case [x, y]:
        print(x, y)
    case [first, *rest]:
        print(first, rest)
    case {"k": v, **kw}:
        print(v, kw)
    case Point(x=0, y=yy):
        print(yy)
    case None:
        pass
    case -1:
        pass
    case 1 + 2j:
        pass
    case (a, b) if a > b:
        pass
    case _:
        print("default")
