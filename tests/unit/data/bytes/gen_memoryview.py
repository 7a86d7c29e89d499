# gen_memoryview.py: writes the expected results of memoryview operations,
# one case a line, for tests/unit/test_memoryview.c. Run under CPython 3.14:
#   ../shared/tools/py314 tests/unit/data/bytes/gen_memoryview.py > tests/unit/data/bytes/memoryview.txt
# Line: OP <tab> EXPORTER <tab> ARGS <tab> KWARGS <tab> EXPECTED, in the
# notation of gen_cases.py. ARGS[0] describes the view the operation runs
# on: (slice before the cast or N, cast format or N, cast shape or N, slice
# after the cast or N); the operation's own arguments follow. When the
# exporter is a bytearray, EXPECTED is (result, exporter afterwards).
# Only formats whose size is the same on 32- and 64-bit hosts are used
# (py314 is a 32-bit build).
import sys
sys.path.insert(0, __file__.rsplit('/', 1)[0])

def esc(s):
    return ''.join(c if 32 <= ord(c) < 127 and c not in "\\'" else '\\u{%x}' % ord(c) for c in s)

def enc(v):
    if v is None: return 'N'
    if v is True: return 'T'
    if v is False: return 'F'
    if v is Ellipsis: return 'E'
    if isinstance(v, int): return 'i%d' % v
    if isinstance(v, float): return 'd' + repr(v)
    if isinstance(v, str): return "'" + esc(v) + "'"
    if isinstance(v, bytes): return "b'" + esc(v.decode('latin-1')) + "'"
    if isinstance(v, bytearray): return "B'" + esc(v.decode('latin-1')) + "'"
    if isinstance(v, memoryview):
        f = v.format.lstrip('@')
        return "M" + ('' if f == 'B' else f) + "'" + esc(v.tobytes().decode('latin-1')) + "'"
    if isinstance(v, slice): return 'S(' + enc(v.start) + ',' + enc(v.stop) + ',' + enc(v.step) + ',)'
    if isinstance(v, tuple): return '(' + ''.join(enc(x) + ',' for x in v) + ')'
    if isinstance(v, list): return '[' + ''.join(enc(x) + ',' for x in v) + ']'
    if isinstance(v, dict): return '{' + ''.join(enc(k) + ':' + enc(x) + ',' for k, x in v.items()) + '}'
    raise TypeError(type(v))

out = []
def make(exp, setup):
    s1, fmt, shape, s2 = setup
    m = memoryview(exp)
    if s1 is not None: m = m[s1]
    if fmt is not None: m = m.cast(fmt) if shape is None else m.cast(fmt, shape)
    if s2 is not None: m = m[s2]
    return m

def case(op, exp, setup, args=(), kwargs={}):
    e0 = enc(exp)
    if isinstance(exp, bytearray):
        exp = bytearray(exp)
    try:
        m = make(exp, setup)
        if op == 'attrs':
            r = (m.format, m.itemsize, m.ndim, m.shape, m.strides, m.readonly, m.nbytes, m.c_contiguous,
                 m.f_contiguous, m.contiguous, m.suboffsets)
        elif op == 'len': r = len(m)
        elif op == 'list': r = list(m)
        elif op == '[]': r = m[args[0]]
        elif op == '[]=':
            m[args[0]] = args[1]; r = m.tobytes()
        elif op == 'del[]':
            del m[args[0]]; r = None
        elif op == 'eq': r = (m == args[0], m != args[0], args[0] == m)
        elif op == 'lt': r = m < args[0]
        elif op == 'hasheq': r = hash(m) == hash(m.tobytes())
        elif op == 'bytes': r = bytes(m)
        elif op == 'bytearray': r = bytearray(m)
        elif op == 'concat': r = args[0] + m
        elif op == 'in': r = args[0] in m
        elif op == 'readonly2': r = (m.toreadonly().readonly, m.readonly)
        else: r = getattr(m, op)(*args, **kwargs)
        if isinstance(r, memoryview):
            r = ('view', r.format, r.shape, r.strides, r.tolist() if r.ndim else r.tobytes(), r.readonly)
        if isinstance(exp, bytearray):
            r = (r, exp)
        x = enc(r)
    except Exception as e:
        x = '!%s:%s' % (type(e).__name__, esc(str(e)))
    out.append('\t'.join([op, e0, enc((setup,) + tuple(args)), enc(dict(kwargs)), x]))

data = bytes(range(0x41, 0x41 + 24))
N4 = (None, None, None, None)
setups = [N4, (None, 'B', None, None), (None, 'b', None, None), (None, 'c', None, None), (None, 'h', None, None),
          (None, 'H', None, None), (None, 'i', None, None), (None, 'I', None, None), (None, 'q', None, None),
          (None, 'Q', None, None), (None, 'f', None, None), (None, 'd', None, None),
          (None, 'e', None, None), (None, '@h', None, None), (slice(None, None, 2), None, None, None),
          (slice(None, None, -1), None, None, None), (slice(2, 10), None, None, None), (slice(2, 10), 'h', None, None),
          (None, 'h', None, slice(1, None, 2)), (None, 'i', None, slice(None, None, -1)),
          (None, 'B', [4, 6], None), (None, 'B', (2, 3, 4), None), (None, 'h', (3, 4), None),
          (slice(0, 1), 'B', [], None), (slice(0, 2), 'h', (), None), (None, 'B', [24], None), (slice(5, 5), None, None, None),
          (slice(0, 4), 'f', (), None)]
for exp in [data, bytearray(data)]:
    for st in setups:
        for op in ['attrs', 'tolist', 'tobytes', 'hex', 'len', 'list', 'hasheq', 'bytes', 'bytearray', 'readonly2']:
            case(op, exp, st)
        case('hex', exp, st, (':',))
        case('hex', exp, st, ('-', 3))
        case('tobytes', exp, st, ('F',))
        case('tobytes', exp, st, ('A',))
        case('tobytes', exp, st, (), {'order': None})
        for k in [0, 1, -1, 3, 100, -100, (0, 1), (1, 2, 3), (0,), (), Ellipsis, slice(1, 3), slice(None, None, -2),
                  (slice(0, 1), slice(0, 1)), 'a', 1.0, True, (-1, -1)]:
            case('[]', exp, st, (k,))
        for k, v in [(0, 66), (0, 256), (0, -1), (0, 'a'), (0, b'Z'), (0, 1.5), (0, True), (0, 2**31), (0, -2**31),
                     (0, 2**63), (0, 2**64 - 1), (0, 1e40), (-1, 0), (100, 0), ((0, 1), 7), (slice(0, 2), b'xy'),
                     (slice(0, 2), b'xyz'), (slice(None, None, 2), bytes(12)), (slice(0, 2), 'ab'), (slice(0, 2), 5),
                     (Ellipsis, 1), ((), 9), ('a', 1), (slice(0, 1), memoryview(b'\x01\x02').cast('h')),
                     (slice(0, 2), memoryview(b'abcd')[::2]), (0, [])]:
            case('[]=', exp, st, (k, v))
        case('del[]', exp, st, (0,))
        case('del[]', exp, st, (slice(0, 1),))
        for other in [data, bytearray(data), data[:4], b'', data[::2], data[::-1], memoryview(data).cast('h'),
                      memoryview(data)[::2], 'abc', 1, None]:
            case('eq', exp, st, (other,))
        case('lt', exp, st, (data,))
        for v in [65, 66, 0, b'A', 1.0, 'x', 16961, True]:
            case('count', exp, st, (v,))
            case('index', exp, st, (v,))
        case('index', exp, st, (67, 3))
        case('index', exp, st, (67, 0, 2))
        case('index', exp, st, (67, -100, 100))
        case('index', exp, st, ())
        case('count', exp, st, ())
        case('in', exp, st, (66,))
        case('concat', exp, st, (b'x',))
        for fmt, shape in [('B', None), ('h', None), ('c', None), ('x', None), ('<h', None), ('hh', None), (1, None),
                           ('B', [3]), ('B', [2, 12]), ('B', (24,)), ('h', [12]), ('h', [2, 6]), ('B', 5),
                           ('B', [0]), ('B', ['a']), ('B', [-1]), ('B', [1] * 65), ('d', [3]), ('q', None),
                           ('B', []), ('@B', None), ('e', None)]:
            case('cast', exp, st, (fmt,) + ((shape,) if shape is not None else ()))
        case('cast', exp, st, (), {'format': 'B'})
        case('cast', exp, st, ('B',), {'shape': [24]})
        case('cast', exp, st, ())
        case('toreadonly', exp, st)
small = [b'', b'a', b'\x00\xff', bytes(3), b'\x00\x01\x01\x00']
for exp in small + [bytearray(x) for x in small]:
    for st in [N4, (None, 'c', None, None), (slice(None, None, -1), None, None, None), (None, '?', None, None)]:
        for op in ['attrs', 'tolist', 'tobytes', 'hex', 'len', 'list', 'hasheq']:
            case(op, exp, st)
        for k, v in [(0, True), (0, 0), (0, []), (0, [1]), (0, 'x'), (0, None), (0, 2.5)]:
            case('[]=', exp, st, (k, v))
# special float values and halfs
fl = bytes.fromhex('0000c07f' '0000807f' '000080ff' '00000080' '01000000' '00fc00fe')
for exp in [fl, bytearray(fl)]:
    for st in [(None, 'f', None, None), (None, 'e', None, None), (None, 'd', None, None)]:
        case('tolist', exp, st)
        case('eq', exp, st, (fl,))
        case('eq', exp, st, (memoryview(fl).cast(st[1]),))
    for v in [1e40, -1e40, 65504.0, 65520.0, 1e-8, 5.96e-8, 2.98e-8, float('nan'), float('inf'), -0.0, 0.1, 1/3, 3, True]:
        case('[]=', exp, (None, 'e', None, None), (0, v))
        case('[]=', exp, (None, 'f', None, None), (0, v))
        case('[]=', exp, (None, 'd', None, None), (0, v))
print('\n'.join(out))
