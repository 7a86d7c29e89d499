# gen_float.py: prints the expected values of the numeric float/int kernel
# tests, computed by CPython 3.14. Run with ../shared/tools/py314; it writes
# the .txt tables next to itself (pass the output directory as argv[1]).
# Formats: tab-separated fields; floats as 16 hex digits of their bits;
# ints as Python hex() text; errors as !Type:message.
import sys, random, struct, math
sys.set_int_max_str_digits(0)
out = sys.argv[1] if len(sys.argv) > 1 else '.'
R = random.Random(314)

def bits(x): return '%016x' % struct.unpack('<Q', struct.pack('<d', x))[0]
def frombits(b): return struct.unpack('<d', struct.pack('<Q', b))[0]
def esc(s):
    return s.encode('utf-8').hex() if s else '-'
def err(e): return '!%s:%s' % (type(e).__name__, e)
def res(f):
    try: return f()
    except Exception as e: return err(e)

def rand_double():
    k = R.random()
    if k < 0.3: return frombits(R.getrandbits(64))
    if k < 0.5: return R.uniform(-1e6, 1e6)
    if k < 0.6: return float(R.randint(-10**6, 10**6)) / R.choice([1, 2, 4, 8, 10, 100, 1000])
    if k < 0.7: return R.choice([1, -1]) * 10.0 ** R.randint(-30, 30)
    if k < 0.8: return R.choice([1, -1]) * 2.0 ** R.randint(-1074, 1023)
    if k < 0.9: return R.choice([1, -1]) * R.randint(1, 10**R.randint(1, 20)) * 10.0 ** R.randint(-20, 20)
    return R.choice([0.0, -0.0, 0.5, 1.5, 2.5, -2.5, 0.125, 0.375, 1e16, 1e15, 123456789012345.0,
                     1.2345678901234567e16, 5e-324, 2.2250738585072014e-308, 1.7976931348623157e308,
                     0.1, 0.2, 0.3, 1/3, 2/3, 1e-5, 1.5e-7, 9.999999999999999e22, 1e23, 8.41e21,
                     math.pi, math.e, 0.0001, 0.001, 9.5, 0.05, 0.15, 0.25, 0.35, 2**53, 2**53+2.0,
                     float('inf'), float('-inf'), float('nan')])

doubles = [float(rand_double()) for _ in range(6000)]
doubles += [2.0 ** k for k in range(-1074, 1024)]
doubles += [frombits(b) for b in (0, 1, 2, 0x000fffffffffffff, 0x0010000000000000, 0x7fefffffffffffff)]

# repr, hex, str round trip
with open(out + '/float_repr.txt', 'w') as f:
    for x in doubles:
        f.write('%s\t%s\t%s\n' % (bits(x), repr(x), x.hex()))

# format()
specs = ['', 'e', 'E', 'f', 'F', 'g', 'G', 'n', '%', '.0', '.1', '.3', '.17', '.0e', '.0f', '.0g',
         '.1e', '.2f', '.10f', '.3g', '.10g', '.20g', '#', '#.0e', '#.0f', '#.3g', '#g', '#.0',
         '#.3', '+', '-', ' ', '+.2f', ' .3e', 'z', 'z.1f', 'z.0f', 'z.2e', 'z.3g', 'z%', '+z.1f',
         ',', '_', ',.2f', '_.3f', ',e', ',g', ',.10g', '20', '<20', '>20', '^20', '=20', '020',
         '020,', '020.3f', '+020,.2f', '*^25,.3f', 'x<15', '0<15', '<015', '015_', '021,.1f',
         '08,', '09,.0f', ' 015.2e', '.,f', '.3,f', '.4_f', ',.5,f', '_.7_f', '.6,e', '.2%', ',.1%',
         '€>12.2f', '10.3%', '.50f', '.30e', '#.10g', '.25', '.16', 'G', '.0%', '#.0%',
         '-^+30.5e', '020.10G', '.3n', '012n', '012%']
with open(out + '/float_format.txt', 'w') as f:
    for i, x in enumerate(doubles[:2500]):
        for s in R.sample(specs, 6):
            f.write('%s\t%s\t%s\n' % (bits(x), esc(s), esc(res(lambda: format(x, s)))))
    bad = ['d', 's', 'x', 'c', ',s', ',n', '_n', ',_', '_,', ',,', '.', '.f', '.2147483648f',
           '99999999999999999999f', 'ff', 'x ', '\x01', '=\xe9', '%%', 'Q', '<\u20ac>5', '.,_f',
           '.,,f', ',,f', '__f', '.2,,f', 'z=', '#,.f', '.e', '+-f', 'zz', '##', ',d']
    for s in bad:
        f.write('%s\t%s\t%s\n' % (bits(1.5), esc(s), esc(res(lambda: format(1.5, s)))))

# int format()
def rand_int():
    k = R.random()
    if k < 0.3: return R.randint(-1000, 1000)
    if k < 0.6: return R.randint(-2**64, 2**64)
    if k < 0.9: return R.randint(-2**300, 2**300)
    return R.choice([0, 1, -1, 2**63, -2**63, 2**64, 10**20, 65, 0x10ffff, 0x110000, -5])
ispecs = ['', 'd', 'b', 'o', 'x', 'X', 'n', 'c', '#b', '#o', '#x', '#X', ',', '_', ',d', '_d',
          '_b', '_o', '_x', '#_X', '+', ' ', '-', '20', '<20', '^20', '=20', '020', '020,',
          '+020_', '#020x', '#020_b', '*>30,', 'e', 'E', 'f', '.2f', 'g', '%', ',.2f', '.3', 'z',
          'zd', '+c', '#c', ',c', '_c', '.2d', 'z.2d', 's', 'x<10', '0<10', '08,', '07,', '06,',
          '05,', '09_x', '#012,', 'z.2f', '#.3g', '.,d', '#n', '010n']
with open(out + '/int_format.txt', 'w') as f:
    for i in range(2500):
        v = rand_int()
        for s in R.sample(ispecs, 5):
            f.write('%s\t%s\t%s\n' % (hex(v), esc(s), esc(res(lambda: format(v, s)))))
    for v in (65, 0x20ac, 0x1f600, 0):
        for s in ('c', '<5c', '^5c', '>5c', '=5c', '05c'):
            f.write('%s\t%s\t%s\n' % (hex(v), esc(s), esc(res(lambda: format(v, s)))))

# float() parsing
pin = ['1_000.5', '1__0', '_1', '1_', '1_.5', '1._5', '1e1_0', '1e_10', '0x10', ' -iNfInItY ',
       '+nan', '-nan', 'infinit', '.', '.5', '5.', 'e5', '1e', '1.5E+3', '\x00', '', '1 2',
       ' \t\n1\v\f\r', 'inf', '-Infinity', 'NaN', '+1.5', '--1', '+-1', '1e+', '1e-5_0', '1.0e-400',
       '1e400', '-1e400', '0.000000000000000000000000001', '1' * 400, '1' * 30 + '.' + '9' * 30,
       '2.4703282292062327e-324', '2.4703282292062328e-324', '1.7976931348623158e308',
       '1.7976931348623159e308', '9007199254740993', '0_0', '00', '1_2_3.4_5e+1_2', 'in f',
       'nan(123)', '1.e5', '.e5', '+.5', '-.5e-3', '1,5', '١٢', '0e0', '-0', '-0.0e100', '1d5']
for x in doubles[:1500]:
    if not math.isnan(x):
        pin.append(repr(x))
        pin.append('%.25e' % x)
        pin.append(format(x, '.3f'))
with open(out + '/float_parse.txt', 'w') as f:
    for s in pin:
        try: r = bits(float(s))
        except Exception as e: r = err(e)
        if r.startswith('!'):
            r = '!ValueError'
        elif math.isnan(float(s)): r = 'nan'
        f.write('%s\t%s\n' % (esc(s), r))

# float.fromhex
hin = ['0x1p0', '1p0', '0x1.8p1', '-0x1.8p-1', 'zz', '0x1p99999', '0x1p-99999', '0x.8p1', '0x1.p1',
       '0x.p1', '0x', '', ' 0x1p0 ', 'inf', '-INFINITY', 'nan', '0X1P+0', '0x1.fffffffffffff8p1023',
       '0x1.fffffffffffff7p1023', '0x1p-1074', '0x1p-1075', '0x1.8p-1075', '0x3p-1076', '0x1p1024',
       '0x1p', '0x1p+', '1.', '.1', 'abc', 'ABC.DEFp-10', '0x1_0p0', '0x0.0000000000001p-1022',
       '0x1.00000000000008p0', '0x1.00000000000018p0', '0x1.000000000000081p0', 'g', '0x1p1 x']
for x in doubles[:1000]:
    hin.append(x.hex())
with open(out + '/float_fromhex.txt', 'w') as f:
    for s in hin:
        try: v = float.fromhex(s); r = 'nan' if math.isnan(v) else bits(v)
        except Exception as e: r = err(e)
        f.write('%s\t%s\n' % (esc(s), r))

# round(x, n)
with open(out + '/float_round.txt', 'w') as f:
    for x in doubles[:3000]:
        for n in R.sample([-400, -309, -308, -307, -20, -5, -3, -2, -1, 0, 1, 2, 3, 5, 10, 15, 17,
                           20, 50, 100, 322, 323, 324, 400], 5):
            try: v = round(x, n); r = 'nan' if math.isnan(v) else bits(v)
            except Exception as e: r = err(e)
            f.write('%s\t%d\t%s\n' % (bits(x), n, r))
    for x in (0.5, 1.5, 2.5, -0.5, -2.5, 0.125, 0.375, 2.675, 1.005, 5e-324, 1e300, 1.7e308, 450.0, 550.0, 1500.0, 2500.0, -2500.0, 4.9999):
        for n in (-3, -2, -1, 0, 1, 2, 3):
            try: v = round(x, n); r = bits(v)
            except Exception as e: r = err(e)
            f.write('%s\t%d\t%s\n' % (bits(x), n, r))

# round(x) -> int, int(x), as_integer_ratio, is_integer
with open(out + '/float_toint.txt', 'w') as f:
    for x in doubles[:3000] + [0.5, 1.5, 2.5, -0.5, -1.5, 1e300, -1e300, 2.0**63, -2.0**63, 2.0**64]:
        a = res(lambda: hex(int(x)))
        b = res(lambda: hex(round(x)))
        c = res(lambda: '%s/%s' % tuple(map(hex, x.as_integer_ratio())))
        f.write('%s\t%s\t%s\t%s\t%d\n' % (bits(x), a, b, c, x.is_integer()))

# float binary ops
def op_res(fn):
    try:
        v = fn()
        if isinstance(v, tuple): return ','.join('nan' if math.isnan(t) else bits(t) for t in v)
        if isinstance(v, complex): return 'complex'
        return 'nan' if math.isnan(v) else bits(v)
    except Exception as e: return err(e)
specials = [0.0, -0.0, 1.0, -1.0, 2.0, -2.0, 0.5, -0.5, 3.0, -3.0, 1.5, -1.5, float('inf'),
            float('-inf'), float('nan'), 1e308, -1e308, 5e-324, 1e-300, 10.0, 7.0, -7.0, 0.1]
pairs = [(a, b) for a in specials for b in specials]
pairs += [(float(rand_double()), float(rand_double())) for _ in range(3000)]
pairs += [(R.uniform(-100, 100), R.choice([-1, 1]) * R.randint(-20, 20) * 0.5) for _ in range(500)]
with open(out + '/float_ops.txt', 'w') as f:
    for a, b in pairs:
        f.write('%s\t%s\t%s\t%s\t%s\t%s\n' % (bits(a), bits(b), op_res(lambda: a / b),
                op_res(lambda: divmod(a, b)), op_res(lambda: a % b), op_res(lambda: a ** b)))
print('ok')
