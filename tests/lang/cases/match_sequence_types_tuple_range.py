def kind(x):
    match x:
        case (int(), int()):
            return 'pair of ints'
        case [str(), *_]:
            return 'starts with str'
        case []:
            return 'empty'
        case _:
            return 'other'
print([kind(v) for v in [(1, 2), [1, 2], ['a', 1], range(0), (1, 'x'), {}, 'ab']])
