def f(v):
    match v:
        case -1 + 2j:
            return 'complex'
        case -0.5:
            return 'neg half'
        case 1_000:
            return 'thousand'
    return 'no'
print(f(complex(-1, 2)), f(-0.5), f(1000), f(2))
