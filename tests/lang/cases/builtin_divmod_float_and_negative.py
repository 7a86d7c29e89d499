for a, b in [(7, 2), (-7, 2), (7, -2), (7.5, 2), (-7.5, 2), (1e300, 1e-300)]:
    try:
        print(a, b, divmod(a, b))
    except OverflowError as e:
        print('OverflowError', e)
