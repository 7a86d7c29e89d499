for s in ['', ' ', '1.5', '0x10', '1__0', '_1', '1_', '١٢', '12abc', '--1', '0b2', 'inf']:
    try:
        print(repr(s), int(s))
    except ValueError as e:
        print(repr(s), 'ValueError:', e)
for args in [('10', 1), ('10', 37), ('z', 36), ('0x1f', 16), ('0x1f', 0), ('010', 0), ('0', 0), ('00', 0)]:
    try:
        print(args, int(*args))
    except ValueError as e:
        print(args, 'ValueError:', e)
for v in [None, [1], 1.5j, float('inf'), float('nan')]:
    try:
        int(v)
    except (TypeError, ValueError, OverflowError) as e:
        print(type(e).__name__ + ':', e)
