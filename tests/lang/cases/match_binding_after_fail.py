x = 'untouched'
match [1, 2]:
    case [x, 3]:
        print('no')
    case _:
        print('fallthrough, x is', x)
