match {'point': (1, 2)}:
    case {'point': (x, y) as p}:
        print(x, y, p)
match [1, [2, 3]]:
    case [a, [b, c] as inner] as whole:
        print(a, b, c, inner, whole)
