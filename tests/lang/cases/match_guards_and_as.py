def f(x):
    match x:
        case [a, b] as pair if a < b:
            return 'ascending', pair
        case [a, b] as pair:
            return 'other pair', pair
        case (1 | 2 | 3) as small:
            return 'small', small
        case int() as n if n < 0:
            return 'negative', n
        case _:
            return 'rest'
for v in [[1, 2], [2, 1], 2, -4, 10]:
    print(f(v))
