for v in [0, -1, 10 ** 25, 0.5, -1e-10, 1e50, float('inf'), 1 + 1j, True, None]:
    print(str(v), repr(v), format(v), '%r' % (v,), ascii(v))
