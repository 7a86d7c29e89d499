def f(cmd):
    match cmd.split():
        case ["go", direction]:
            match direction:
                case "north" | "south":
                    return 1
                case _:
                    return 2
        case ["quit"]:
            return 0
