# Inline int arithmetic in BINARY_OP: machine-word operands, overflow past
# 63 bits, negative floor division and modulo, shifts, bool operands,
# subclasses with overridden operators, in-place reuse of temporaries.
M = 2**63 - 1
m = -2**63
vals = [0, 1, -1, 2, -2, 3, -7, 7, 255, 256, 257, -5, -6, 10**18, -10**18, M, m, M - 1, m + 1, 2**62, -2**62, 2**53, 2**53 + 1]
ops = [
    ("+", lambda a, b: a + b), ("-", lambda a, b: a - b), ("*", lambda a, b: a * b),
    ("//", lambda a, b: a // b), ("%", lambda a, b: a % b), ("/", lambda a, b: a / b),
    ("&", lambda a, b: a & b), ("|", lambda a, b: a | b), ("^", lambda a, b: a ^ b),
]
for name, f in ops:
    out = []
    for a in vals:
        for b in vals:
            try:
                out.append(f(a, b))
            except Exception as e:
                out.append(type(e).__name__ + ": " + str(e))
    print(name, out[:12], out[-12:], len(out))
    print(name, sum(x for x in out if isinstance(x, int)) % 1000003, sum(x for x in out if isinstance(x, float)))
    print(name, [x for x in out if isinstance(x, str)][:3])
print(sum(a * b for a in vals for b in vals) % 1000003)

# floor division and modulo signs
for a in (7, -7, 0, 1, -1, 13, -13):
    for b in (2, -2, 3, -3, 1, -1, 7, -7):
        print(a, b, a // b, a % b, divmod(a, b), a / b)
for a in (5, 0):
    for op in ("//", "%", "/"):
        try:
            eval(f"a {op} 0")
        except ZeroDivisionError as e:
            print(op, e)

# shifts
for a in (0, 1, -1, 3, -3, 2**40, -2**40, M, m):
    for b in (0, 1, 2, 31, 32, 61, 62, 63, 64, 100, 1000):
        print(a, b, a << b, a >> b)
for b in (-1, -100):
    for f in (lambda: 1 << b, lambda: 1 >> b):
        try:
            f()
        except ValueError as e:
            print(e)

# augmented forms and chains of temporaries (reused in place)
x = 1
for i in range(100):
    x += i * i - 3
    x -= i // 3
    x *= 1
    x %= 10**12 + 39
print(x)
y = 10**18
for i in range(20):
    y = y * 3 + 1 - 2   # overflows to a big int mid-way
print(y, type(y))
z = -(10**18)
for i in range(20):
    z = z * 3 - 1
print(z)
n = 27
steps = 0
while n != 1:
    n = n // 2 if n % 2 == 0 else 3 * n + 1
    steps += 1
print(steps)

# bools are not ints for the fast paths
print(True + True, True - False, True * 5, True // True, True % 2, True & False, True | False, True ^ True)
print(True / 2, 5 - True, type(True + 0), type(True & True), True << 3, -True)

# subclasses with overridden operators
class I(int):
    def __add__(self, o):
        return "I.add"
    def __radd__(self, o):
        return "I.radd"
    def __sub__(self, o):
        return "I.sub"
    def __floordiv__(self, o):
        return "I.floordiv"
    def __mod__(self, o):
        return "I.mod"
    def __lt__(self, o):
        return "I.lt"
    def __eq__(self, o):
        return "I.eq"
    __hash__ = int.__hash__
a = I(5)
print(a + 1, 1 + a, a - 1, a // 2, a % 2, a * 2, type(a * 2), a < 3, a == 5, 3 > a)
class J(int):
    pass
print(J(5) + 1, type(J(5) + 1), J(3) * J(4), type(J(3) * J(4)), J(-7) // 2, J(-7) % 3)
# the same int object on both sides, and results that are cached small ints
for v in (3, 300, 10**15):
    w = v
    print(w + w, w - w, w * w, w // w, w % w, w is v)
big = 2**62
print(big + big, big * 2, -big - big, (-big - big) - 1)
print(0 - m, m - 1, m // -1, m % -1, -m, abs(m))
# range iteration builds its ints from the free list; small ones are cached
print(list(range(250, 262, 3)), list(range(-3, -12, -4)), list(range(2**62, 2**62 + 3)))
print(list(range(M - 2, M)), list(range(m, m + 2)), sum(range(1000, 100000, 7)))
print(all(a is b for a, b in zip(range(-5, 257), range(-5, 257))))
keep = [i for i in range(300, 305)]
vals2 = [v * 2 for v in keep] + [v + 0 for v in keep]
print(keep, vals2)
