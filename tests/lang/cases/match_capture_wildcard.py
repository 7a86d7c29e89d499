def f(x):
    match x:
        case [a, _, _]:
            return ('three', a)
        case y:
            return ('captured', y)
print(f([1, 2, 3]), f('abc'), f(42))
