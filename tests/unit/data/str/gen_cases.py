# gen_cases.py: writes the expected results of str (and bytes) operations,
# one case a line, for tests/unit/test_str.c. Run it under CPython 3.14:
#   ../shared/tools/py314 tests/unit/data/str/gen_cases.py > tests/unit/data/str/cases.txt
# Line: OP <tab> RECEIVER <tab> ARGS <tab> KWARGS <tab> EXPECTED
# Values: N None, T/F bools, i123 ints, '...' str, b'...' bytes, (..,) tuple,
# [..,] list, {k:v,} dict, d1.5 float; in quotes, \u{HEX} stands for any character
# outside printable ASCII, backslash or quote. EXPECTED may be
# !ExceptionName:message.
import sys

def esc(s):
    return ''.join(c if 32 <= ord(c) < 127 and c not in "\\'" else '\\u{%x}' % ord(c) for c in s)

def enc(v):
    if v is None: return 'N'
    if v is True: return 'T'
    if v is False: return 'F'
    if isinstance(v, int): return 'i%d' % v
    if isinstance(v, float): return 'd' + repr(v)
    if isinstance(v, str): return "'" + esc(v) + "'"
    if isinstance(v, bytes): return "b'" + esc(v.decode('latin-1')) + "'"
    if isinstance(v, tuple): return '(' + ''.join(enc(x) + ',' for x in v) + ')'
    if isinstance(v, list): return '[' + ''.join(enc(x) + ',' for x in v) + ']'
    if isinstance(v, dict): return '{' + ''.join(enc(k) + ':' + enc(x) + ',' for k, x in v.items()) + '}'
    raise TypeError(type(v))

out = []
def case(op, recv, args=(), kwargs={}):
    try:
        if op == '%': r = recv % args[0]
        elif op == '[]': r = recv[args[0]]
        elif op == '[:]': r = recv[slice(*args)]
        elif op == '+': r = recv + args[0]
        elif op == '*': r = recv * args[0]
        elif op == 'in': r = args[0] in recv
        elif op == 'repr': r = repr(recv)
        elif op == 'len': r = len(recv)
        elif op == 'str': r = str(*args, **kwargs)
        elif op == 'fmt': r = format(recv, args[0])
        elif op == 'cmp': r = (recv < args[0], recv <= args[0], recv == args[0], recv != args[0], recv > args[0], recv >= args[0])
        elif op == 'decode': r = recv.decode(*args, **kwargs)
        elif op == 'bytesrepr': r = repr(recv)
        else: r = getattr(recv, op)(*args, **kwargs)
        exp = enc(r)
    except Exception as e:
        exp = '!%s:%s' % (type(e).__name__, esc(str(e)))
    out.append('\t'.join([op, enc(recv), enc(tuple(args)), enc(dict(kwargs)), exp]))

samples = ['', 'a', 'abc', 'Hello World', '  spaced  out  ', 'a,b,,c', 'aaa', 'abcabcab',
           'line1\nline2\r\nline3\rx\x0by\x1cz\x85w\u2028v\n', 'ÄÖÜ äöü ß', 'ΣΑΣ σας ΌΣΟΣ. Σ',
           'ǅungla ǆ', 'ﬁx ŉ', '\u0130i', 'x\ty\tz\n\tab', '12345', '١٢٣', '½²', 'MiXeD CaSe',
           'title Case String', "it's", 'snake_case_id', '𝔘𝔫𝔦 code', '😀 emoji', '\ud800x',
           '\x00\x7f\xa0\xad', 'quote"s', 'both\'"', '\u0300\u0301', '٣x', '_id9', '9id', 'Ab1',
           '\u2167', '\u00b5\u00ff', 'ǈ']
noarg = ['lower', 'upper', 'title', 'capitalize', 'swapcase', 'casefold', 'isalpha', 'isalnum',
         'isascii', 'isdecimal', 'isdigit', 'isnumeric', 'isspace', 'isprintable', 'islower',
         'isupper', 'istitle', 'isidentifier', 'strip', 'lstrip', 'rstrip', 'split', 'rsplit',
         'splitlines', 'expandtabs', '__getnewargs__']
for s in samples:
    for m in noarg:
        case(m, s)
    case('repr', s)
    case('len', s)
    case('encode', s)
    for enc_ in ['latin-1', 'ascii', 'utf-16', 'utf-16-be', 'utf-32', 'utf-32-be']:
        case('encode', s, (enc_,))
    case('encode', s, ('ascii', 'backslashreplace'))
    case('encode', s, ('latin-1', 'xmlcharrefreplace'))
    case('encode', s, (), {'errors': 'surrogatepass'})
    case('splitlines', s, (True,))
    for sub in ['', 'a', 'b', 'ab', 'abc', 'ca', ' ', 'Σ', '😀', 'ß']:
        for m in ['find', 'rfind', 'index', 'rindex', 'count', 'startswith', 'endswith', 'partition',
                  'rpartition', 'split', 'rsplit', 'removeprefix', 'removesuffix', 'strip']:
            case(m, s, (sub,))
        case('in', s, (sub,))
        case('replace', s, (sub, '<>'))
        case('replace', s, (sub, '', 1))
        case('cmp', s, (sub,))
    for a in [(1,), (-2,), (1, 3), (2, None), (None, -1), (10, 20), (-100, 100)]:
        case('find', s, ('a',) + a)
        case('count', s, ('a',) + a)
        case('startswith', s, (('x', 'a'),) + a)
        case('endswith', s, ('b',) + a)
    for w in [0, 5, 10, 16]:
        case('center', s, (w,))
        case('center', s, (w, '*'))
        case('ljust', s, (w, 'é'))
        case('rjust', s, (w,))
        case('zfill', s, (w,))
    case('expandtabs', s, (4,))
    case('expandtabs', s, (0,))
    for sp in [(None, 1), (',', 1), (' ', -1), ('a', 2), (None, 0)]:
        case('split', s, sp)
        case('rsplit', s, sp)
    case('split', s, (), {'sep': ',', 'maxsplit': 1})
    case('strip', s, ('a c',))
    case('lstrip', s, (' Ha',))
    case('rstrip', s, ('nt ',))
    for i in [0, 1, -1, 5, -20]:
        case('[]', s, (i,))
    for sl in [(None, None, -1), (1, None), (None, -1), (None, None, 2), (5, 1, -2), (-3, None)]:
        case('[:]', s, sl)
    case('*', s, (3,))
    case('*', s, (0,))
    case('+', s, ('xé',))
    case('join', s, (['x', 'y', 'z'],))
    case('translate', s, ({97: 'AA', 98: None, 99: 0x20ac, ord('Σ'): 'σ'},))
    for spec in ['', '10', '<10', '>10', '^11', '*^9', '.2', '10.3', '05', 's', 'x^4.1']:
        case('fmt', s, (spec,))
    case('__format__', s, ('>6',))

errcases = [
    ('count', '', (1,)), ('count', '', ('a', 1.5)), ('count', '', ('a', 1, 2, 3)), ('find', '', ()),
    ('rfind', '', (1,)), ('center', '', (1, 1)), ('center', '', ('a',)), ('center', '', (1, 'ab')),
    ('ljust', '', ()), ('zfill', '', ()), ('partition', '', (1,)), ('partition', 'a', ('',)),
    ('rpartition', '', ('',)), ('split', '', (1,)), ('split', '', ('',)), ('rsplit', '', ('',)),
    ('split', '', (), {'x': 1}), ('split', '', (' ',), {'sep': ' '}), ('split', '', (1, 2, 3)),
    ('join', '', (1,)), ('join', ',', (['a', 1],)), ('strip', '', (1,)), ('lstrip', '', (1,)),
    ('strip', '', (1, 2)), ('endswith', '', (1,)), ('endswith', '', ((1,),)),
    ('startswith', '', (('a', 1),)), ('startswith', '', ()), ('replace', '', (1, 'a')),
    ('replace', '', ('a', 1)), ('replace', '', ('a',)), ('replace', 'aaa', ('a', 'b'), {'count': 2}),
    ('replace', 'aaa', ('', '-'), {'count': 2}), ('removesuffix', '', (1,)), ('expandtabs', '', (1, 2)),
    ('splitlines', '', (), {'x': 1}), ('encode', '', (1,)), ('encode', '', ('utf-8', 1)),
    ('encode', '', ('utf-8', 'strict', 1)), ('encode', 'a', ('bogus',)), ('encode', '\udc80', ('utf-8', 'bogus')),
    ('translate', 'a', ({97: -1},)), ('translate', 'a', ({97: 0x110000},)),
    ('maketrans', '', ()), ('maketrans', '', (1, 2)), ('maketrans', '', ('ab', 'a')),
    ('maketrans', '', ({'ab': 1},)), ('maketrans', '', ('a', 'b', 1)), ('maketrans', '', ('abc', 'xyz', 'q')),
    ('maketrans', '', ({'a': 'b', 98: None},)), ('maketrans', '', (1,)),
    ('isalpha', '', (1,)), ('upper', '', (1,)), ('title', '', (), {'x': 1}),
    ('__format__', '', ()), ('__format__', '', (1,)), ('index', 'abc', ('x',)), ('rindex', 'abc', ('x',)),
    ('[]', 'abc', ('x',)), ('[]', 'a', (5,)), ('+', 'a', (1,)), ('in', 'a', (1,)), ('*', 'ab', (-1,)),
]
for c in errcases:
    case(*c)
for spec in ['d', '+', '=5', ',', '_', 'z', '#', '.x', '<<<', 'abc', '\u20ac<5', '1000000000000000000000', ' ']:
    case('fmt', 'a', (spec,))

fmtcases = [
    ('{', ()), ('}', ()), ('{0', ()), ('{0}', ()), ('{}{0}', (1,)), ('{0}{}', (1,)), ('{0!x}', (1,)),
    ('{0!}', (1,)), ('{0!rr}', (1,)), ('{0:{1}}', (1,)), ('{0:{1:{2}}}', (1, 2, 3)), ('{:d}', ('a',)),
    ('{0[}', (1,)), ('{0]}', (1,)), ('{0.}', (1,)), ('{-1}', (1,)), ('{a[0]}', ()), ('{!r}', ('é',)),
    ('{!a}', ('é',)), ('{!s:>5}', ('a',)), ('{:*^9}', ('abc',)), ('{:^10.2}', ('abc',)), ('{:>0}', ('a',)),
    ('{0:}', ('a',)), ('{:10}', ('a',)), ('{{}}', ()), ('}}{{', ()), ('{0}{1}{0}', ('x', 'y')),
    ('{} {}', ('x', 'y')), ('{1}', (1,)), ('{0[0]}', ('xy',)), ('{0[1][0]}', (['ab', 'cd'],)),
    ('{0:{1}{2}}', ('x', '>', 4)), ('{:{}}', ('x', 5)), ('a{0}b', ('é',)), ('{0!r:^9}', ('q',)),
    ('{0[x]}', ({'x': 'y'},)), ('{0[0]x}', (['a'],)), ('{0[0]', (['a'],)),
]
for f, a in fmtcases:
    case('format', f, a) if False else None
    try:
        r = f.format(*a)
        exp = enc(r)
    except Exception as e:
        exp = '!%s:%s' % (type(e).__name__, esc(str(e)))
    out.append('\t'.join(['format', enc(f), enc(tuple(a)), enc({}), exp]))
case('format', '{a}-{b!r}', (), {'a': 'A', 'b': 'B'})
case('format', '{a}', (), {})
case('format_map', '{x}', ({'x': 'y'},))
case('format_map', '{0}', ({'0': 1},))
case('format_map', '{}', ({},))
case('format_map', '{y}', ({},))

pcases = [
    ('%s', 'x'), ('%r', 'é'), ('%a', 'é'), ('%5.2s|', 'abc'), ('%-5d|', 3), ('%+05d', 3), ('% d', 3),
    ('%#x %#X %#o', (255, 255, 8)), ('%x', -255), ('%.3d', 5), ('%c%c', (65, 'B')), ('%%%s', 'x'),
    ('%(a)s%(a)r', {'a': 'x'}), ('%d', True), ('%s', True), ('%5%', ()), ('%.2r', 'abc'), ('%r', 3),
    ('%d', 'a'), ('%x', 'a'), ('%c', 'ab'), ('%c', 0x110000), ('%y', 1), ('%', ()), ('%s %s', (1,)),
    ('%s', (1, 2)), ('%(a)s', 1), ('%(a)s', {}), ('%(a', {'a': 1}), ('%*d', ('a', 1)), ('%s', ()),
    ('a', 1), ('a', ()), ('a', []), ('a', {}), ('%(a)s %s', {'a': 1}), ('%*s|', (5, 'x')),
    ('%-*s|', (5, 'x')), ('%*s|', (-5, 'x')), ('%.*s|', (2, 'xyz')), ('%i', 42), ('%u', -7),
    ('%o', 8), ('%X', 3054), ('%#5x|', 10), ('%-#8o|', 8), ('%08d', -42), ('%+d', 0), ('%c', 0x20ac),
    ('%c', 'é'), ('%s|%s', ('é', None)), ('%10r|', 'a'), ('%(x)d%%', {'x': 5}), ('%ld %hd %Ld', (1, 2, 3)),
    ('%s', ['a']), ('%s', ('a',)), ('abc%', ()), ('%z', 1), ('%\u20ac', 1), ('%(a)(b)s', {}),
    ('%((a))s', {'(a)': 'P'}),
]
for f, a in pcases:
    case('%', f, (a,))

for b, e in [(b'\x80abc', 'utf-8'), (b'a\xc3', 'utf-8'), (b'a\xe2\x82', 'utf-8'), (b'\xe2\x28\xa1', 'utf-8'),
             (b'\xed\xa0\x80', 'utf-8'), (b'\xf0\x9f\x98', 'utf-8'), (b'\xf4\x90\x80\x80', 'utf-8'),
             (b'\xc0\x80', 'utf-8'), (b'\xf0\x9f\x98\x80', 'utf-8'), (b'\xff\xfea', 'utf-16'),
             (b'\x00\xd8a\x00', 'utf-16-le'), (b'\x00\xdc', 'utf-16-le'), (b'\x00\xd8', 'utf-16-le'),
             (b'\x00\x00\x11\x00', 'utf-32-le'), (b'\x00\xd8\x00\x00', 'utf-32-le'), (b'ab\x00', 'utf-32'),
             (b'\x80', 'ascii'), (b'\xfe\xff\x00a\xd8=\xde\x00', 'utf-16'), (b'\xe9t\xe9', 'latin-1'),
             (b'\x00\x00\xfe\xff\x00\x00\x00a', 'utf-32'), (b'abc', 'bogus')]:
    for h in ['strict', 'replace', 'ignore', 'surrogateescape', 'backslashreplace', 'surrogatepass']:
        case('decode', b, (e, h))
for b in [b'', b'a', b"it's", b'q"\'', b'\x00\n\t\r\\\x7f\x80\xff']:
    case('bytesrepr', b)

sys.stdout.write('\n'.join(out) + '\n')
