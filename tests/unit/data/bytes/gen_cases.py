# gen_cases.py: writes the expected results of bytes and bytearray
# operations, one case a line, for tests/unit/test_bytes.c. Run under CPython 3.14:
#   ../shared/tools/py314 tests/unit/data/bytes/gen_cases.py > tests/unit/data/bytes/cases.txt
# Line: OP <tab> RECEIVER <tab> ARGS <tab> KWARGS <tab> EXPECTED
# Values: N None, T/F bools, i123 ints, d1.5 floats, '...' str, b'...' bytes,
# B'...' bytearray, M'...' memoryview of bytes, S(start,stop,step,) slice,
# I[..,] an iterator over the items, (..,) tuple, [..,] list, {k:v,} dict, Ybytes / Ybytearray the type; in
# quotes \u{HEX} stands for any character outside printable ASCII, backslash
# or quote. EXPECTED may be !ExceptionName:message. When the receiver is a
# bytearray, EXPECTED is (result, receiver afterwards) (or the exception).
import sys

class ItList(list):
    pass
def I(xs): return ItList(xs)

def esc(s):
    return ''.join(c if 32 <= ord(c) < 127 and c not in "\\'" else '\\u{%x}' % ord(c) for c in s)

def enc(v):
    if v is None: return 'N'
    if v is True: return 'T'
    if v is False: return 'F'
    if isinstance(v, type): return 'Y' + v.__name__
    if isinstance(v, int): return 'i%d' % v
    if isinstance(v, float): return 'd' + repr(v)
    if isinstance(v, str): return "'" + esc(v) + "'"
    if isinstance(v, bytes): return "b'" + esc(v.decode('latin-1')) + "'"
    if isinstance(v, bytearray): return "B'" + esc(v.decode('latin-1')) + "'"
    if isinstance(v, memoryview): return "M'" + esc(v.tobytes().decode('latin-1')) + "'"
    if isinstance(v, slice): return 'S(' + enc(v.start) + ',' + enc(v.stop) + ',' + enc(v.step) + ',)'
    if isinstance(v, ItList): return 'I[' + ''.join(enc(x) + ',' for x in v) + ']'
    if isinstance(v, tuple): return '(' + ''.join(enc(x) + ',' for x in v) + ')'
    if isinstance(v, list): return '[' + ''.join(enc(x) + ',' for x in v) + ']'
    if isinstance(v, dict): return '{' + ''.join(enc(k) + ':' + enc(x) + ',' for k, x in v.items()) + '}'
    raise TypeError(type(v))

out = []
def case(op, recv, args=(), kwargs={}):
    r0 = enc(recv)
    if isinstance(recv, bytearray):
        recv = bytearray(recv)
    try:
        if op == '%': r = recv % args[0]
        elif op == '[]': r = recv[args[0]]
        elif op == '[]=':
            recv[args[0]] = args[1]; r = None
        elif op == 'del[]':
            del recv[args[0]]; r = None
        elif op == '+': r = recv + args[0]
        elif op == '*': r = recv * args[0]
        elif op == '+=':
            x = recv; x += args[0]; r = None
        elif op == '*=':
            x = recv; x *= args[0]; r = None
        elif op == 'in': r = args[0] in recv
        elif op == 'repr': r = repr(recv)
        elif op == 'len': r = len(recv)
        elif op == 'iter': r = list(iter(recv))
        elif op == 'hash': r = hash(recv)
        elif op == 'new': r = recv(*args, **kwargs)
        elif op == 'cmp': r = (recv < args[0], recv <= args[0], recv == args[0], recv != args[0], recv > args[0], recv >= args[0])
        elif op in ('fromhex', 'maketrans'): r = getattr(recv, op)(*args, **kwargs)
        else: r = getattr(recv, op)(*args, **kwargs)
        if isinstance(recv, bytearray) and op != 'new':
            r = (r, recv)
        exp = enc(r)
    except Exception as e:
        exp = '!%s:%s' % (type(e).__name__, esc(str(e)))
    out.append('\t'.join([op, r0, enc(tuple(args)), enc(dict(kwargs)), exp]))

def both(op, s, args=(), kwargs={}):
    case(op, bytes(s), args, kwargs)
    case(op, bytearray(s), args, kwargs)

samples = [b'', b'a', b'abc', b'Hello World', b'  spaced  out  ', b'a,b,,c', b'aaa', b'abcabcab',
           b'line1\nline2\r\nline3\rx\x0by\x1cz\x85w\n', b'\x00\x7f\x80\xff', b"it's", b'quote"s', b'both\'"',
           b'x\ty\tz\n\tab', b'12345', b'-42', b'+7', b'MiXeD CaSe', b'title Case String', b'Ab1', b'hello_world9',
           b'\t\n\x0b\x0c\r ', b'\xe4\xf6\xfc', b'ABC', b'a1b2', b'They\'re bill\'s friends.', b'\xc3\xa9t\xc3\xa9']
noarg = ['lower', 'upper', 'title', 'capitalize', 'swapcase', 'isalpha', 'isalnum', 'isascii',
         'isdigit', 'isspace', 'islower', 'isupper', 'istitle', 'strip', 'lstrip', 'rstrip', 'split',
         'rsplit', 'splitlines', 'expandtabs', 'hex', 'decode', 'iter', 'len', 'repr']
for s in samples:
    for m in noarg:
        both(m, s)
    case('__getnewargs__', s)
    case('__bytes__', s)
    case('hash', bytearray(s))
    both('splitlines', s, (True,))
    both('splitlines', s, (), {'keepends': True})
    both('expandtabs', s, (4,))
    both('expandtabs', s, (0,))
    both('expandtabs', s, (), {'tabsize': 1})
    both('hex', s, (':',))
    both('hex', s, (b'-', 2))
    both('hex', s, (' ', -2))
    both('hex', s, (), {'sep': '.', 'bytes_per_sep': 3})
    for w in [0, 5, 12, -1]:
        both('center', s, (w,))
        both('ljust', s, (w, b'*'))
        both('rjust', s, (w, bytearray(b'.')))
        both('zfill', s, (w,))
    both('center', s, (11, b'<'))
    for sub in [b'', b'a', b'b', b'ab', b'abc', b'ca', b' ', b'\n', b'\xff', 97, 32]:
        for m in ['find', 'rfind', 'index', 'rindex', 'count']:
            both(m, s, (sub,))
        both('in', s, (sub,))
        if isinstance(sub, bytes):
            for m in ['startswith', 'endswith', 'partition', 'rpartition', 'split', 'rsplit',
                      'removeprefix', 'removesuffix', 'strip', 'lstrip', 'rstrip']:
                both(m, s, (sub,))
            both('replace', s, (sub, b'<>'))
            both('replace', s, (sub, b'', 1))
            both('replace', s, (sub, b'XY'), {'count': 2})
            both('split', s, (sub, 1))
            both('rsplit', s, (), {'sep': sub, 'maxsplit': 1})
            both('cmp', s, (sub,))
            both('cmp', s, (bytearray(sub),))
            both('+', s, (sub,))
            both('join', sub, ([s, s],))
    for a in [(1,), (-2,), (1, 3), (2, None), (None, -1), (10, 20), (-100, 100)]:
        both('find', s, (b'a',) + a)
        both('count', s, (b'a',) + a)
        both('startswith', s, (b'a',) + a)
        both('endswith', s, ((b'x', b'b', b'c'),) + a)
        both('[]', s, (slice(*a) if len(a) > 1 else a[0],))
    for sl in [slice(None, None, -1), slice(None, None, 2), slice(1, None, 3), slice(-1, 0, -2), slice(5, 1)]:
        both('[]', s, (sl,))
    both('split', s, (None, 1))
    both('rsplit', s, (None, 1))
    both('split', s, (), {'maxsplit': 0})
    both('*', s, (3,))
    both('*', s, (-1,))
    both('%', s, ((),))
    both('translate', s, (None, b'al'))
    both('translate', s, (bytes.maketrans(b'abc', b'xyz'),))
    both('translate', s, (bytes.maketrans(b'l', b'L'),), {'delete': b' '})
    for e in ['latin-1', 'ascii', 'utf-8', 'utf-16-le']:
        both('decode', s, (e,))
    both('decode', s, ('ascii', 'replace'))
    both('decode', s, (), {'errors': 'backslashreplace'})

# error cases and odd arguments
b = b'abc'
for op, args, kw in [
        ('find', (), {}), ('find', ('a',), {}), ('find', (b'a', 1, 2, 3), {}), ('find', (b'a', 'x'), {}),
        ('find', (256,), {}), ('find', (-1,), {}), ('find', (1.5,), {}), ('count', ('x',), {}),
        ('index', (b'z',), {}), ('rindex', (b'z',), {}), ('index', (122,), {}),
        ('startswith', ('a',), {}), ('startswith', ((b'a', 'b'),), {}), ('startswith', ([b'a'],), {}),
        ('endswith', (1,), {}), ('startswith', (), {}), ('startswith', (b'a', 1.0), {}),
        ('split', ('a',), {}), ('split', (b'',), {}), ('split', (1,), {}), ('split', (b'a', 'x'), {}),
        ('split', (), {'foo': 1}), ('split', (b'a', 1, 2), {}), ('split', (b'a',), {'sep': b'b'}),
        ('rsplit', (b'',), {}), ('partition', ('a',), {}), ('partition', (b'',), {}), ('rpartition', (b'',), {}),
        ('partition', (bytearray(b'b'),), {}), ('rpartition', (memoryview(b'b'),), {}),
        ('strip', ('a',), {}), ('strip', (b'a', b'b'), {}), ('strip', (bytearray(b'ac'),), {}), ('strip', (None,), {}),
        ('strip', (memoryview(b'a'),), {}), ('lstrip', (1,), {}),
        ('replace', (b'a',), {}), ('replace', ('a', b'b'), {}), ('replace', (b'a', 'b'), {}),
        ('replace', (b'a', b'b', 'x'), {}), ('replace', (b'a', b'b', 1.0), {}), ('replace', (b'', b'-'), {}),
        ('replace', (b'', b'-', 2), {}), ('replace', (b'abc', b''), {}), ('replace', (b'a', b'b'), {'cnt': 1}),
        ('replace', (), {'old': b'a', 'new': b'b'}),
        ('center', (), {}), ('center', ('x',), {}), ('center', (5, 'x'), {}), ('center', (5, b'xy'), {}),
        ('center', (5, 1), {}), ('center', (1.5,), {}), ('ljust', (5, bytearray(b'ab')), {}), ('rjust', (1, 2, 3), {}),
        ('zfill', ('a',), {}), ('zfill', (), {}),
        ('expandtabs', ('x',), {}), ('expandtabs', (1.0,), {}), ('expandtabs', (), {'tab': 1}), ('expandtabs', (True,), {}),
        ('join', ([b'a', 'b'],), {}), ('join', ([b'a', 1],), {}), ('join', (1,), {}), ('join', ('abc',), {}),
        ('join', ([],), {}), ('join', ([b'x'],), {}), ('join', ([bytearray(b'x'), memoryview(b'yz')],), {}),
        ('join', ((b'p', b'q', b'r'),), {}),
        ('translate', (b'x',), {}), ('translate', ('x' * 256,), {}), ('translate', (), {}),
        ('translate', (None,), {'delete': 'a'}), ('translate', (None, b'a', b'b'), {}), ('translate', (None,), {'delete': b'b'}),
        ('translate', (None,), {'table': None}),
        ('hex', (1,), {}), ('hex', ('ab',), {}), ('hex', ('\xe9',), {}), ('hex', (b'\xe9',), {}), ('hex', (b'',), {}),
        ('hex', ('-', 'x'), {}), ('hex', ('-', 1.0), {}), ('hex', ('-', 0), {}), ('hex', ('-', 2**40), {}),
        ('hex', (), {'bytes_per_sep': 2}), ('hex', (None,), {}), ('hex', ('-', 1, 2), {}),
        ('decode', ('nope',), {}), ('decode', (1,), {}), ('decode', ('utf-8', 1), {}), ('decode', (), {'encoding': 'ascii', 'errors': 'strict'}),
        ('decode', (), {'encodin': 'x'}), ('decode', ('ascii', 'strict', 1), {}),
        ('removeprefix', ('a',), {}), ('removeprefix', (b'ab',), {}), ('removesuffix', (bytearray(b'bc'),), {}),
        ('removeprefix', (), {}),
        ('splitlines', (1.5,), {}), ('splitlines', ('x',), {}), ('splitlines', (1, 2), {}),
        ('lower', (1,), {}), ('isalpha', (1,), {}), ('count', (), {}), ('count', (b'a', None, None), {}),
        ('%', ((1, 2),), {}), ('+', ('x',), {}), ('+', (1,), {}), ('+', (memoryview(b'zz'),), {}), ('+', (bytearray(b'q'),), {}),
        ('*', ('x',), {}), ('in', ('a',), {}), ('in', (256,), {}), ('in', (-1,), {}), ('in', (1.5,), {}),
        ('in', (memoryview(b'bc'),), {}), ('in', (bytearray(b'ab'),), {}),
        ('[]', (3,), {}), ('[]', (-4,), {}), ('[]', ('a',), {}), ('[]', (1.0,), {}), ('[]', (2**70,), {}), ('[]', (True,), {}),
        ('[]', (slice(0, 1, 0),), {}), ('[]', (slice('a', None),), {}), ('[]', (slice(2**70, None),), {}),
        ('cmp', ('abc',), {}), ('cmp', (1,), {}), ('cmp', (memoryview(b'abc'),), {}), ('cmp', (None,), {}),
        ]:
    both(op, b, args, kw)

# fromhex and maketrans
for t in [bytes, bytearray]:
    for a in ['', 'ab', 'AB cd', ' 01 02 ', 'abc', 'a b', 'zz', '0g', '\u0660\u0661', 'ab\u0101', 'ab ', ' a',
              'ab\tcd\n', 'ab\x0bcd', b'ab cd', bytearray(b'ff'), memoryview(b'0a'), 1, None, '\xe9\xe9', 'ab\x00']:
        case('fromhex', t, (a,))
    case('fromhex', t, ())
    case('fromhex', t, ('ab', 'cd'))
    case('maketrans', t, (b'ab', b'cd'))
    case('maketrans', t, (b'ab', b'c'))
    case('maketrans', t, ('ab', b'cd'))
    case('maketrans', t, (bytearray(b'a'), memoryview(b'b')))
    case('maketrans', t, (b'a',))

# constructors
for t in [bytes, bytearray]:
    for args, kw in [((), {}), ((0,), {}), ((3,), {}), ((-1,), {}), ((b'abc',), {}), ((bytearray(b'xy'),), {}),
                     ((memoryview(b'mv'),), {}), (([1, 2, 255],), {}), (((65, 66),), {}), (([256],), {}),
                     (([-1],), {}), ((['a'],), {}), (([1.0],), {}), (('abc',), {}), (('abc', 'ascii'), {}),
                     (('h\xe9', 'latin-1'), {}), (('h\xe9', 'ascii'), {}), (('h\xe9', 'ascii', 'ignore'), {}),
                     (('h\xe9', 'ascii', 'replace'), {}), (('abc',), {'encoding': 'utf-16-le'}),
                     ((), {'source': 'x', 'encoding': 'utf-8'}), ((1, 'ascii'), {}), ((b'x', 'ascii'), {}),
                     ((1,), {'errors': 'strict'}), (('a',), {'errors': 'strict'}), ((), {'encoding': 'ascii'}),
                     ((), {'errors': 'strict'}), ((1.5,), {}), ((None,), {}), (('a', 1), {}), (('a', 'ascii', 1), {}),
                     (('a', 'ascii', 'strict', 1), {}), ((), {'foo': 1}), (('a', 'nope'), {}), ((I(range(5)),), {}),
                     (({1: 2, 3: 4},), {}), ((I([7, 8]),), {}), ((True,), {}), ((2**70,), {}),
                     (('\ud800', 'utf-8'), {}), (('\ud800', 'utf-8', 'surrogatepass'), {}), ((1,), {'source': 1})]:
        case('new', t, args, kw)

# % formatting
fmts = [(b'%s', b'abc'), (b'%s', bytearray(b'xy')), (b'%s', memoryview(b'mv')), (b'%s', 'str'), (b'%s', 1),
        (b'%b', b'q'), (b'%5s|%-5s|', (b'ab', b'cd')), (b'%.2s', b'abcdef'), (b'%r', 'x\xe9'), (b'%a', '\u20ac'),
        (b'%r', b'x'), (b'%c', 65), (b'%c', b'Z'), (b'%c', bytearray(b'Y')), (b'%c', 256), (b'%c', -1), (b'%c', b'ab'),
        (b'%c', 'a'), (b'%3c|', 66), (b'%d', 42), (b'%5d|%-5d|%05d', (1, 2, 3)), (b'%+d % d', (5, 5)), (b'%i %u', (-3, 7)),
        (b'%x %X %#x %#X %o %#o', (255, 255, 255, 255, 8, 8)), (b'%d', 2**70), (b'%x', -2**65), (b'%d', 1.9),
        (b'%d', 'x'), (b'%x', 1.5), (b'%d', b'1'), (b'%f', 1.5), (b'%.3f', 3.14159), (b'%e', 12345.678), (b'%E', 1e-10),
        (b'%g', 1e20), (b'%G', 1.5e-7), (b'%10.4f|', 2.5), (b'%-10.1e|', 2.5), (b'%+.0f', 2.5), (b'%#.0f', 2.0),
        (b'%f', 'x'), (b'%f', 10), (b'%f', float('inf')), (b'%F', float('nan')), (b'%s %s', (b'a',)),
        (b'%s', (b'a', b'b')), (b'abc', (b'a',)), (b'abc', ()), (b'%', ()), (b'%(a)s', {b'a': b'A'}),
        (b'%(a)s %(b)d', {b'a': b'x', b'b': 5}), (b'%(a)s', {'a': b'A'}), (b'%(a', {b'a': 1}), (b'%(a)s', (1,)),
        (b'%*d|', (5, 42)), (b'%-*d|', (5, 42)), (b'%.*f', (2, 1.23456)), (b'%*d', ('x', 1)), (b'%z', 1), (b'%\xff', 1),
        (b'%%', ()), (b'%5%', ()), (b'%s', ()), (b'x%ly', 1), (b'%ld', 5), (b'%s', {b'a': 1}), (b'abc', {b'a': 1}),
        (b'%s', bytearray(b'ba')), (b'%-4c|', 120), (b'%05s', b'x'), (b'%.0s|', b'abc'), (b'%s', None), (b'%a', None),
        (b'%r', [1, b'2']), (b'%i', True), (b'%x', True), (b'%c', True), (b'%(x)s %s', {b'x': 1}), (b'%s', b'\x00\xff'),
        (b'%d %d', (1,)), (b'%d', (1, 2)), (b'%.10d', 42), (b'%#5o', 8), (b'%g', 100000.0), (b'%g', 1000000.0),
        (b'%.15g', 0.1), (b'%s%%%s', (b'a', b'b')), (b'%(a)%', {b'a': 1}), (b'%x', 3.0)]
for f, a in fmts:
    both('%', f, (a,))

# mutation (bytearray only)
for s in [b'', b'a', b'abcdef', b'hello world']:
    ba = bytearray(s)
    for v in [0, 255, 65, 256, -1, 'a', 1.5, b'a', True]:
        case('append', ba, (v,))
        case('remove', ba, (v,))
    for args in [(), (0,), (-1,), (1,), (100,), (-100,), ('a',), (1.5,), (0, 1)]:
        case('pop', ba, args)
    for args in [(0, 66), (-1, 66), (100, 66), (-100, 66), (2, 256), (1,), ('a', 1), (1, 'a'), (True, 67)]:
        case('insert', ba, args)
    for it in [b'xyz', bytearray(b'q'), memoryview(b'mv'), [1, 2], (3,), I(range(3)), I([4, 5]), 'str', 1,
               None, [256], ['a'], [1, 'a'], {7: 0}, []]:
        case('extend', ba, (it,))
    for m in ['clear', 'copy', 'reverse']:
        case(m, ba)
    for n in [0, 2, 20, -1, 'a']:
        case('resize', ba, (n,))
    for key, val in [(0, 88), (-1, 88), (100, 88), (0, 256), (0, -1), (0, 'a'), (0, b'a'), ('a', 1), (1.0, 1), (True, 90),
                     (slice(0, 2), b'XYZ'), (slice(0, 2), b''), (slice(1, 1), b'ins'), (slice(None), b'all'),
                     (slice(2, 0), b'Q'), (slice(None, None, 2), b'ABC'), (slice(None, None, 2), b'AB'),
                     (slice(None, None, -1), bytearray(s)), (slice(1, None, 3), [1, 2]), (slice(0, 3), [65, 66]),
                     (slice(0, 3), 'str'), (slice(0, 3), 5), (slice(0, 3), None), (slice(0, 3), 1.5),
                     (slice(0, 3), memoryview(b'mv')), (slice(0, 3), I(range(3))), (slice(0, 3), [256]),
                     (slice(0, 3), ['a']), (slice(-2, None), b'end'), (slice(10, 20), b'far'), (slice(0, 0, 0), b''),
                     (slice(None, None, -2), b'zz'), (slice(5, 1, -1), b'wxyz'), (slice(0, 1), (1, 2, 3))]:
        case('[]=', ba, (key, val))
    for key in [0, -1, 100, 'a', slice(0, 2), slice(None), slice(None, None, 2), slice(None, None, -2), slice(1, None, 3),
                slice(-3, None), slice(5, 1, -1), slice(0, 0), slice(0, 1, 0), slice(3, 100, 4)]:
        case('del[]', ba, (key,))
    for o in [b'xy', bytearray(b'z'), memoryview(b'm'), 'str', 1, [1], b'']:
        case('+=', ba, (o,))
    for n in [0, 1, 3, -2, 'a', 1.5]:
        case('*=', ba, (n,))
    case('__alloc__', ba)
    case('__reduce__', ba)
    for p in [0, 1, 2, 3, 4, 5]:
        case('__reduce_ex__', ba, (p,))
    case('__reduce_ex__', ba, ())

print('\n'.join(out))
