for s in ['', 'abc', '1.2.3', '1e', '0x10', '1_', '_1', '1__0', 'nan nan', '1,5', 'in']:
    try:
        print(repr(s), float(s))
    except ValueError as e:
        print('ValueError:', e)
for v in [None, [1.0], 1j]:
    try:
        float(v)
    except TypeError as e:
        print('TypeError:', e)
print(float(True), float(10 ** 20), float(' 7 '), float('١٢٣'))
