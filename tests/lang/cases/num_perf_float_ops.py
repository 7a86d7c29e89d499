# Inline float arithmetic in BINARY_OP and COMPARE_OP: float/float and
# float/int mixes, -0.0, nan and inf, ** with float exponents (negative
# bases give complex, overflow raises), division by zero, ints that do not
# convert exactly, subclasses of float with overridden operators, and
# temporaries reused in place.
import math
nan = float("nan")
inf = float("inf")
vals = [0.0, -0.0, 1.0, -1.0, 0.5, -2.5, 3.0, 1e308, -1e308, 5e-324, inf, -inf, nan, 0, 1, -1, 3, -4, 2**53, 2**53 + 1, -2**53 - 1, 10**20]
def show(x):
    if isinstance(x, float):
        return repr(x) if x == x else "nan"
    return repr(x)
for name in ("+", "-", "*", "/", "//", "%", "**"):
    out = []
    for a in vals:
        for b in vals:
            if not (isinstance(a, float) or isinstance(b, float)):
                continue
            try:
                r = eval(f"a {name} b")
                out.append(show(r))
            except OverflowError:
                out.append("OverflowError")     # errno text differs between platforms
            except Exception as e:
                out.append(f"{type(e).__name__}: {e}")
    print(name, len(out))
    for i in range(0, len(out), 12):
        print("  ", " ".join(out[i:i + 12]))
# comparisons: exact between floats and ints, nan unordered
cmps = []
for a in vals:
    for b in vals:
        cmps.append("".join("1" if v else "0" for v in (a < b, a <= b, a == b, a != b, a > b, a >= b)))
print(" ".join(cmps))
print(2**53 + 1 == float(2**53 + 1), float(2**53) == 2**53 + 1, 2**53 + 1 > float(2**53), 10**20 == 1e20, 10**400 > inf, -10**400 < -inf)
# -0.0 results
z = 0.0
print(show(-z), show(z * -1), show(-0.0 + 0.0), show(-0.0 - 0.0), show(-0.0 * 5), show(0.0 / -3), show(-0.0 % 5), show(0.0 // -5))
print(show((-0.0) ** 0.5), show(0.0 ** 0.5), show(inf ** 0.5), show((-inf) ** 0.5), show(nan ** 0.0), show(1.0 ** nan))
# ** edge cases
for a, b in [(2.0, 0.5), (2, 0.5), (2.0, 2), (-8.0, 1 / 3), (-2.0, 0.5), (-2.0, 2.0), (-2.0, 3), (0.0, -1.0), (0.0, -1), (10.0, 400.0), (1e300, 2), (10.0, -400.0), (-1e300, 3.0), (4, -0.5)]:
    try:
        r = a ** b
        print(a, b, show(r) if isinstance(r, float) else r)
    except OverflowError as e:
        print(a, b, "OverflowError", e.args[0] in (34, 68))
    except Exception as e:
        print(a, b, type(e).__name__, e)
x = 2.0
x **= 0.5
print(x, math.sqrt(2.0) == x)
# division by zero
for a, b in [(1.0, 0.0), (1.0, 0), (1, 0.0), (0.0, 0.0), (1.0, -0.0)]:
    for op in ("/", "//", "%"):
        try:
            eval(f"a {op} b")
        except ZeroDivisionError as e:
            print(a, b, op, e)
# overflow of float ops gives inf, not an error; of ** an OverflowError
print(1e308 * 10, -1e308 * 10, 1e308 + 1e308)
try:
    1e308 ** 2
except OverflowError as e:
    print("OverflowError", e.args[0] in (34, 68))
# temporaries reused in place must not disturb named values
a = 1.5
b = a + 0.0
c = (a * 2.0) + (b * 3.0) - (a / 4.0)
print(a, b, c)
t = [0.25, 0.5]
s = t[0] + t[1]
s2 = t[0] * 4
print(t, s, s2)
acc = 0.0
for i in range(1000):
    acc += i * 0.5
    acc -= (i % 7) / 3
print(acc)
r = 3 * 0.1 + 2
print(r, 2 - 0.5, 3 / 2, 7 // 2.0, -7 % 2.0, 1 / 3)
# subclasses of float and int with overridden operators
class F(float):
    def __add__(self, o):
        return "F.add"
    def __radd__(self, o):
        return "F.radd"
    def __mul__(self, o):
        return "F.mul"
    def __pow__(self, o):
        return "F.pow"
    def __rpow__(self, o):
        return "F.rpow"
    def __lt__(self, o):
        return "F.lt"
    def __gt__(self, o):
        return "F.gt"
f = F(2.0)
print(f + 1.0, 1.0 + f, f * 3, 2.0 ** f, f ** 0.5, f < 1.0, 1.0 > f, f - 1.0, type(f - 1.0), f / 4)
class G(float):
    pass
g = G(1.5)
print(g + 1.0, type(g + 1.0), 1 + g, g ** 2, g == 1.5, g < 2)
class K(int):
    def __radd__(self, o):
        return "K.radd"
    def __rtruediv__(self, o):
        return "K.rtruediv"
    def __gt__(self, o):
        return "K.gt"
print(1.5 + K(2), 1.5 / K(2), 1.5 < K(2), 1.5 * K(2))
print(True + 0.5, 0.5 * False, True / 2.0, 1.5 < True, 2.0 ** True)
