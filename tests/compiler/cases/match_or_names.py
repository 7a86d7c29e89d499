match v:
    case (1, x) | (x, 2):
        print(x)
    case [a, b, *_] | [b, a]:
        print(a, b)
