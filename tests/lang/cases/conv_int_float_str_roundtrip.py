vals = [0.1, 1/7, 1e-300, 123456789.123456789, 2.0 ** -1074, 1e308]
for v in vals:
    s = repr(v)
    print(s, float(s) == v, str(v) == s)
for n in [0, 7, -99, 2 ** 63, -(2 ** 64) + 1]:
    print(n, int(str(n)) == n, int(repr(n)) == n, int(hex(n), 16) == n, int(bin(n), 0) == n)
