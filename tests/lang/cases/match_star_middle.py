def f(x):
    match x:
        case [a, *mid, z]:
            return a, mid, z
        case _:
            return None
print(f([1, 2, 3, 4, 5]), f([1, 2]), f([1]))
match (1, 2, 3):
    case (*_, last):
        print('last', last)
