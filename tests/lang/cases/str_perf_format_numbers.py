# format() / f-strings of exact ints and floats: the fast paths (int64 with
# d x X o b and no type, float with f/F) and the cases that must take the
# general path (big ints, subclasses, nan/inf, huge widths, errors).

ints = [0, 1, -1, 7, -42, 255, 1000, -1000, 123456789, 2**31, -2**31,
        2**63 - 1, -2**63, 2**63, -2**63 - 1, 2**64, -(2**64) + 1, 10**30, -10**30]
specs = ["", "d", "5d", "05d", "<6", ">6", "^7", "=8", "*^9", "+d", " d", "-d",
         "+05d", " 07d", ",", "_", ",d", "_d", "15,", "015,d", "0=15,", "x>15,",
         "x", "X", "#x", "#X", "08x", "#010x", "_x", "#_x", "o", "#o", "b", "#b",
         "_b", "#016_b", "+#x", "-#o", "0", "00", "0<5", "é^9", "é<8,d", "\u20ac>12_",
         "3", "20", "030", "#10b", "<", "=", "010_x"]
for v in ints:
    row = []
    for s in specs:
        row.append(format(v, s))
    print(v, "|".join(row))

floats = [0.0, -0.0, 1.0, -1.0, 0.5, 1.5, 2.5, -2.5, 0.125, 0.005, 0.015, 1/3, -2/3,
          3.14159, 123456.789, -9876543.21, 1e16, 9.999999999999998e16, 1e17, -1e17,
          1e20, 1.5e300, 5e-324, 1e-7, 0.1, 2.675, 1.005, 999.995, 1e15 + 0.3,
          float("nan"), float("-nan"), float("inf"), float("-inf")]
fspecs = ["", "f", ".2f", ".0f", ".1f", ".3f", ".17f", ".18f", ".20f", "10.2f",
          "<10.2f", "^12.3f", "=+12.2f", "012.2f", "+.2f", " .2f", ",.2f", "_.1f",
          "015,.2f", "0=15,.2f", "z.2f", "z.0f", "z.1f", "-z.3f", "F", ".2F", "#.0f",
          "#.2f", ".2f", ".3,f", ".2_f", "é>10.1f", "*^15,.3f", "+z08.2f", ".5",
          ".2e", "g", ".3%", "n"]
for v in floats:
    row = []
    for s in fspecs:
        row.append(format(v, s))
    print(v, "|".join(row))

# f-strings go through the same code
for i in (0, 5, 12345, 99999, 100000, -3):
    print(f"item-{i:05d}:{i * 3.5:.2f}|{i:>8,}|{i:#x}|{i * 0.1:10.3f}|{i}|{i * 1.5}")

# subclasses keep their own __format__ (or int/float's for the plain ones)
class MyInt(int):
    def __format__(self, spec):
        return "MyInt(" + spec + ")"

class PlainInt(int):
    pass

class MyFloat(float):
    def __format__(self, spec):
        return "MyFloat[" + spec + "]"

class PlainFloat(float):
    pass

print(format(MyInt(5), "05d"), f"{MyInt(7):x}", format(PlainInt(5), "05d"), f"{PlainInt(-9):+x}")
print(format(MyFloat(1.5), ".2f"), f"{MyFloat(2):f}", format(PlainFloat(1.5), ".2f"), f"{PlainFloat(2)}")
print(format(True, "05d"), format(False, "x"), f"{True:>5}", f"{True}", format(True, ".2f"))

# widths past the fast buffer and big widths
print(format(42, "200d").strip(), len(format(42, "200d")), len(format(1.5, "300.2f")))
print(format(42, "<130") + "|", format(-1.25, "^129.1f") + "|")
print(len(format(2**70, "_b")), format(-2**63, "_b"))

# errors come from the general path, with CPython's messages
for v, s in [(5, ".2d"), (5, "z"), (5, "zd"), (5, ",x"), (5, ",b"), (5, "q"), (5, "5.2"),
             (5, ",_d"), (5, "_,d"), (1.5, "q"), (1.5, ".f"), (1.5, ",_f"), (1.5, "5.2.f"),
             (5, "+c"), (5, "#c"), (5, ",c"), (-1, "c"), (5, "=c"), (5, ".3,d"),
             (5, "9" * 30), (1.5, "." + "9" * 30 + "f"), (1.5, "xx"), (5, "é"), (5, "ée")]:
    try:
        print(repr(s), repr(format(v, s)))
    except (ValueError, OverflowError) as e:
        print(repr(s), type(e).__name__, e)

# other types of specs and values
for v, s in [(65, "c"), (65, "^5c"), (1234567, "n"), (12, "e"), (12, "%"), (12, ".3g"),
             (2**80, ".2f"), (-2**80, "e"), (7, "G")]:
    print(repr(s), format(v, s))
try:
    format(5, 5)
except TypeError as e:
    print(e)
print((5).__format__("05d"), (1.25).__format__("6.1f"), int.__format__(3, "+"))
