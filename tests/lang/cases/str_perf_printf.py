# printf-style % formatting: the machine-word int fast path (%d %i %u with
# flags, width, precision) and %f through the exact fixed-point digits,
# against the general paths (big ints, hex/octal, other float types).

class I(int):
    def __str__(self):
        return "I-str"
    def __repr__(self):
        return "I-repr"

class Idx:
    def __index__(self):
        return 77
    def __int__(self):
        return 66

vals = [0, 1, -1, 42, -42, 7, 123456789, -987654321, 2**63 - 1, -2**63, 2**63, -2**64, 10**25,
        True, False, I(5), I(-12)]
fmts = ["%d", "%i", "%u", "%5d", "%-5d|", "%05d", "%-05d|", "%+d", "% d", "%+05d", "% 6d",
        "%.3d", "%8.3d", "%-8.3d|", "%08.3d", "%+.4d", "%x", "%#X", "%o", "%#o", "%.0d", "%1d",
        "%*d", "%-*d|", "%.*d"]
for v in vals:
    row = []
    for f in fmts:
        if "*" in f:
            row.append(f % (7, v))
        else:
            row.append(f % v)
    print(repr(v), "|".join(row))
print("%d %d %i" % (3.99, -2.5, Idx()), "%x" % Idx())
print("%(a)05d|%(b)-4d|%(a)s" % {"a": 12, "b": -3})

floats = [0.0, -0.0, 1.5, -1.5, 2.5, 0.125, 1 / 3, 2.675, 1e16, 1e17, 1e22, 123.456, -9.999,
          5e-324, float("inf"), float("-inf"), float("nan"), 3, True]
ffmts = ["%f", "%.2f", "%.0f", "%10.3f", "%-10.1f|", "%010.2f", "%+.2f", "% .1f", "%#.0f", "%.17f",
         "%.18f", "%.30f", "%F", "%.3F", "%e", "%.2E", "%g", "%G", "%.15g", "%#g", "%5.1f%%"]
for v in floats:
    print(repr(v), "|".join(f % v for f in ffmts))
print("%.*f|%*.*f" % (3, 2.0 / 3, 9, 2, -1.005))
print(len("%.200f" % 1.5), ("%.200f" % (1 / 3))[-10:], len("%150.2f" % 2.5))
for bad in [("%d", "x"), ("%f", "x"), ("%d", None), ("%.2f", []), ("%d %d", (1,)), ("%d", (1, 2)),
            ("%q", 1), ("%", 1), ("%(a)d", 1), ("%x", 1.5)]:
    try:
        print(bad[0] % bad[1])
    except (TypeError, ValueError) as e:
        print(type(e).__name__, e)
# a long mixed build, like the benchmark's records
words = ["alpha", "βeta", "gamma", "日本"]
out = ['%d,%s,%d.%d,"%s"' % (i, words[i % 4], i * 3, i % 10, words[(i * 5) % 4].upper()) for i in range(-3, 40)]
print(out[:6], out[-3:], sum(map(len, out)))
