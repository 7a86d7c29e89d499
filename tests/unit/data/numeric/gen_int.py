# gen_int.py: expected values of the big-integer kernel tests, computed by
# CPython 3.14 (run with ../shared/tools/py314 gen_int.py OUTDIR).
# Ints as Python hex() text, floats as 16 hex digits of their bits,
# errors as !Type:message; text fields hex-encoded UTF-8 ('-' if empty).
import sys, random, struct, math
out = sys.argv[1] if len(sys.argv) > 1 else '.'
R = random.Random(2718)
def bits(x): return '%016x' % struct.unpack('<Q', struct.pack('<d', x))[0]
def esc(s): return s.encode('utf-8').hex() if s else '-'
def err(e): return '!%s:%s' % (type(e).__name__, e)

def rand_int(maxbits=2000):
    k = R.random()
    s = R.choice([1, -1])
    if k < 0.15: return s * R.randint(0, 300)
    if k < 0.35: return s * R.getrandbits(R.randint(1, 64))
    if k < 0.5: return s * R.getrandbits(R.randint(60, 130))
    if k < 0.6: return s * (2 ** R.randint(0, 300) + R.randint(-2, 2))
    if k < 0.7: return s * (R.getrandbits(R.randint(1, 8)) << R.randint(0, 500))
    return s * R.getrandbits(R.randint(1, maxbits))

def r(fn):
    try:
        v = fn()
        if isinstance(v, tuple): return ','.join(r(lambda t=t: t) for t in v)
        if isinstance(v, float): return bits(v)
        if isinstance(v, bool): return str(int(v))
        if isinstance(v, int): return hex(v)
        if isinstance(v, bytes): return v.hex() or '-'
        return str(v)
    except Exception as e: return err(e)

with open(out + '/int_ops.txt', 'w') as f:
    edge = [0, 1, -1, 2, -2, 2**63 - 1, -2**63, 2**63, 2**64 - 1, 2**64, -2**64, 2**64 + 1,
            2**128, -2**128, 2**127, 3, -3, 10**19, 2**53, 2**53 + 1, -2**53 - 1]
    pairs = [(a, b) for a in edge for b in edge]
    pairs += [(rand_int(1000), rand_int(1000)) for _ in range(2500)]
    pairs += [(rand_int(30000), rand_int(15000)) for _ in range(8)]
    for a, b in pairs:
        f.write('\t'.join([hex(a), hex(b), r(lambda: a + b), r(lambda: a - b), r(lambda: a * b),
                 r(lambda: divmod(a, b)), r(lambda: a / b), r(lambda: a & b), r(lambda: a | b),
                 r(lambda: a ^ b), str((a > b) - (a < b)), r(lambda: math.gcd(a, b))]) + '\n')

with open(out + '/int_unary.txt', 'w') as f:
    vals = edge + [rand_int(700) for _ in range(2000)] + [rand_int(20000) for _ in range(8)]
    vals += [2**1023 * (2**53 - 1) // 2**52, 2**1024 - 2**970, 2**1024 - 2**970 - 1, 2**1024]
    vals += [(2**53 + 1) << k for k in range(0, 1000, 37)] + [(2**54 - 1) << 5, ((2**53 + 1) << 20) + 1]
    for a in vals:
        f.write('\t'.join([hex(a), r(lambda: -a), r(lambda: abs(a)), r(lambda: ~a),
                 str(a.bit_length()), str(a.bit_count()), r(lambda: float(a)),
                 r(lambda: math.isqrt(a)), r(lambda: a << 7), r(lambda: a << 64),
                 r(lambda: a << 200), r(lambda: a >> 1), r(lambda: a >> 63), r(lambda: a >> 64),
                 r(lambda: a >> 129), r(lambda: a >> 5000)]) + '\n')

with open(out + '/int_shift.txt', 'w') as f:
    for _ in range(1500):
        a = rand_int(600); n = R.choice([0, 1, 63, 64, 65, 127, 128, R.randint(0, 2000)])
        f.write('%s\t%d\t%s\t%s\n' % (hex(a), n, r(lambda: a << n), r(lambda: a >> n)))
    for a in (0, 1, -1, 5):
        for n in (-1, -2**70):
            f.write('%s\t%d\t%s\t%s\n' % (hex(a), n, r(lambda: a << n), r(lambda: a >> n)))

with open(out + '/int_pow.txt', 'w') as f:
    cases = [(R.randint(-50, 50), R.randint(0, 60), None) for _ in range(300)]
    cases += [(rand_int(200), R.randint(0, 20), None) for _ in range(300)]
    cases += [(rand_int(300), rand_int(300), rand_int(300)) for _ in range(800)]
    cases += [(rand_int(100), -R.randint(1, 100), R.choice([1, -1]) * R.getrandbits(R.randint(2, 100))) for _ in range(800)]
    cases += [(2, 3, 0), (2, -1, 4), (0, -1, 5), (3, -1, 1), (3, -1, -1), (5, 0, 1), (5, 0, -7),
              (-3, 3, -7), (3, 2, -7), (0, 0, 7), (7, -2, 10), (7, -2, -10), (-1, 10**30, None),
              (1, 10**30, None), (0, 10**30, None), (-1, 10**30 + 1, None), (12, 0, None)]
    for a, b, m in cases:
        rr = r(lambda: pow(a, b, m)) if m is not None else r(lambda: a ** b)
        f.write('%s\t%s\t%s\t%s\n' % (hex(a), hex(b), '-' if m is None else hex(m), rr))

with open(out + '/int_text.txt', 'w') as f:
    # value, base, text (str in base via format where possible), both directions
    digs = '0123456789abcdefghijklmnopqrstuvwxyz'
    def tobase(v, b):
        if v == 0: return '0'
        s = []; n = abs(v)
        while n: n, d = divmod(n, b); s.append(digs[d])
        return ('-' if v < 0 else '') + ''.join(reversed(s))
    sys.set_int_max_str_digits(0)
    for _ in range(2000):
        v = rand_int(1500); b = R.choice([2, 8, 10, 16, 10, 3, 7, 36, R.randint(2, 36)])
        f.write('%s\t%d\t%s\n' % (hex(v), b, tobase(v, b)))
    for n in (5000, 20000, 100000):
        v = R.getrandbits(n) * R.choice([1, -1])
        f.write('%s\t10\t%s\n' % (hex(v), str(v)))

with open(out + '/int_parse.txt', 'w') as f:
    sys.set_int_max_str_digits(4300)
    ins = [('0_0', 0), ('010', 0), ('010', 10), ('00', 0), ('0x_1f', 0), ('0x_1f', 16), ('0x1f', 0),
           ('0b_', 0), ('0_', 0), ('_0', 0), ('1__0', 10), (' -0o17 ', 0), ('+ 1', 10), ('-', 10),
           ('0x', 16), ('0X1F', 16), ('0B1', 2), ('0O7', 8), ('z', 36), ('Z', 36), ('9', 8),
           ('', 10), ('x', 10), ('12', 37), ('12', 1), ('12', -1), (' 12 ', 10), ('\t+12\n', 10),
           ('1_000_000', 10), ('1_000_', 10), ('0b1010', 0), ('0o777', 0), ('0xdead_beef', 0),
           ('0b102', 0), ('1e5', 10), ('1.0', 10), ('0x1g', 16), ('00_00', 0), ('0_1', 0),
           ('-0', 0), ('+0x0', 0), ('0x', 0), ('0b', 0), ('0o', 0), ('0X_F', 16), ('0x_', 16),
           ('0b1', 16), ('0o7', 16), ('0b1', 11), ('0x1', 33), ('zz', 35), ('ZZ', 36), ('\x00', 10),
           ('1\x002', 10), ('١٢', 10), ('1 2', 10), ('  ', 10), ('0' * 4300, 10), ('0' * 4301, 10),
           ('1' * 4300, 10), ('1' * 4301, 10), ('1' * 5000, 16), ('1' * 5000, 7), ('1_0' * 3000, 10),
           ('1' * 5000 + 'x', 10), ('x' + '1' * 5000, 10), ('-' + '9' * 4301, 10), ('x' * 300, 10),
           ('0x' + 'f' * 5000, 0), ('1' * 4301, 0), ('0' * 4301, 0), ('1' * 4301 + '_', 10)]
    for _ in range(1500):
        v = rand_int(1200); b = R.choice([0, 2, 8, 10, 16, 36, R.randint(2, 36)])
        bb = b or R.choice([2, 8, 10, 16])
        s = hex(v) if bb == 16 else oct(v) if bb == 8 else bin(v) if bb == 2 else str(v) if abs(v) < 10**4000 else str(v % 10**4000)
        if bb not in (2, 8, 10, 16):
            s = str(v % 10**1000)
            b = 10
        if b != 0 and bb in (2, 8, 16) and R.random() < 0.5:
            s = s.replace('0x', '').replace('0o', '').replace('0b', '')
        if R.random() < 0.3 and len(s) > 3:
            i = R.randint(1, len(s) - 2)
            if s[i-1].isalnum() and s[i].isalnum(): s = s[:i] + '_' + s[i:]
        if R.random() < 0.1: s = ' ' + s + '\n'
        if R.random() < 0.05: s = s + R.choice(['_', '$', '.', ' 1', '__1'])
        if R.random() < 0.1: s = s.upper()
        ins.append((s, b))
    for s, b in ins:
        f.write('%s\t%d\t%s\n' % (esc(s), b, r(lambda: int(s, b))))

with open(out + '/int_limit.txt', 'w') as f:
    sys.set_int_max_str_digits(4300)
    for v in (10**4299, -10**4299, 10**4300 - 1, 10**4300, -10**4300, 10**5000, -(10**5000), 2**14280, 2**14290, 2**100000):
        f.write('%s\t%s\n' % (hex(v), r(lambda: str(v))))

with open(out + '/int_bytes.txt', 'w') as f:
    for _ in range(1500):
        v = R.choice([rand_int(200), R.randint(-300, 300)])
        n = R.choice([0, 1, 2, 3, 8, 9, 16, 17, (v.bit_length() + 8) // 8, (v.bit_length() + 7) // 8, 40])
        for order in ('big', 'little'):
            for signed in (False, True):
                f.write('%s\t%d\t%s\t%d\t%s\n' % (hex(v), n, order, signed, r(lambda: v.to_bytes(n, order, signed=signed))))
    for _ in range(800):
        n = R.choice([0, 1, 2, 7, 8, 9, 15, 16, 17, 33])
        data = bytes(R.getrandbits(8) for _ in range(n))
        if R.random() < 0.2 and n: data = b'\x80' + bytes(n - 1)
        if R.random() < 0.1 and n: data = b'\xff' * n
        for order in ('big', 'little'):
            for signed in (False, True):
                f.write('%s\t%s\t%d\t%s\n' % (data.hex() or '-', order, signed, hex(int.from_bytes(data, order, signed=signed))))

with open(out + '/int_fromfloat.txt', 'w') as f:
    import random as _r
    for _ in range(1500):
        x = struct.unpack('<d', struct.pack('<Q', R.getrandbits(64)))[0]
        f.write('%s\t%s\n' % (bits(x), r(lambda: int(x))))
print('ok')
