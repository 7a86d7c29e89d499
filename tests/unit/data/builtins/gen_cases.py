# gen_cases.py: writes cases.txt, the builtins cases test_builtins.c
# replays, with CPython 3.14's results:  py314 gen_cases.py > cases.txt
# Line: [*]FUNC|ARGS|KWARGS|RESULT   ARGS/KWARGS ';'-separated values in
# the notation of ser(); '*' applies list() to the result; RESULT is
# '=' repr(result) or '!' ExceptionType ': ' message.
import builtins
_its = set()
_keep = []
def IT(lst):
    _its.add(id(lst)); _keep.append(lst); return lst

def ser(v):
    if v is None or v is True or v is False: return repr(v)
    if type(v) is int: return repr(v)
    if type(v) is float: return repr(v)
    if type(v) is str:
        out = []
        for ch in v:
            if ch in "\\'|;" or not (32 <= ord(ch) < 127): out.append('\\u{%x}' % ord(ch))
            else: out.append(ch)
        return "'" + ''.join(out) + "'"
    if type(v) is bytes: return 'b' + ser(v.decode('latin-1'))
    if type(v) is list: return '[' + ','.join(ser(x) for x in v) + ']'
    if type(v) is tuple: return '(' + ''.join(ser(x) + ',' for x in v) + ')'
    if type(v) is set: return 'S' + ser(sorted(v))
    if type(v) is range: return 'R(%d,%d,%d)' % (v.start, v.stop, v.step)
    if type(v).__name__ == 'list_iterator': return 'I' + ser(list(v))
    if isinstance(v, type) or type(v).__name__ == 'builtin_function_or_method':
        return '@' + v.__name__
    raise TypeError(repr(v))

def case(fname, *args, _list=False, **kw):
    f = getattr(builtins, fname)
    args = [list(x) if type(x).__name__ == 'list_iterator' else x for x in args]
    a = ';'.join('I' + ser(x) if type(x) is list and x is not None and id(x) in _its else ser(x) for x in args)
    args = [iter(x) if id(x) in _its else x for x in args]
    _its.clear()
    try:
        r = f(*args, **kw)
        if _list: r = list(r)
        res = '=' + repr(r)
    except Exception as e:
        res = '!' + type(e).__name__ + ': ' + str(e)
    k = ';'.join(n + '=' + ser(v) for n, v in kw.items())
    print(('*' if _list else '') + fname + '|' + a + '|' + k + '|' + res.replace('\n', '\\n'))

L = dict(_list=True)
# abs, len, repr, ascii, hash (small), callable, bin/oct/hex, chr, ord
for v in [-5, 0, 7, -2.5, 2**70, -(2**70), True, 'a', [1]]:
    case('abs', v)
case('abs'); case('abs', 1, 2)
for v in [[1, 2], 'abc', (), 1, b'xy', 'é']:
    case('len', v)
case('len')
for v in ['a', "it's", 'é\n', [1, 'x'], 1.5, b'\x00a', None, (1,)]:
    case('repr', v); case('ascii', v)
case('repr')
for v in [1, 0, -1, True, '', 1.5, (1, 2), []]:
    case('hash', v) if type(v) in (int, bool) or v in ('', ()) or type(v) is list else None
case('hash'); case('id')
for v in [0, 5, -5, 255, -255, 2**70, True, 1.0, 'a']:
    case('bin', v); case('oct', v); case('hex', v)
case('bin')
for v in [65, 0, 0x10FFFF, 0x110000, -1, 2**64, 'a', 1.0, 0xe9]:
    case('chr', v)
case('chr'); case('chr', 1, 2)
for v in ['a', '', 'ab', 1, b'a', b'ab', '\U0001f600', 'é']:
    case('ord', v)
case('callable', len); case('callable', 1); case('callable', int); case('callable')
# all / any
for v in [[], [0], [1, 1], [1, 0], 1, '', 'a', (0, 0)]:
    case('all', v); case('any', v)
case('any', 1, 2); case('all')
# getattr & co
case('getattr', 1, 'real'); case('getattr', 1, 'x'); case('getattr', 1, 'x', 2); case('getattr', 1, 2)
case('getattr', 1, 2, 3); case('getattr', 1); case('getattr', 1, 2, 3, 4); case('getattr', 'abc', 'zzz', 0)
case('hasattr', 1, 'real'); case('hasattr', 1, 'x'); case('hasattr', 1); case('hasattr', 1, 2)
case('setattr', 1, 'x', 2); case('setattr', 1); case('setattr', 1, 2, 3)
case('delattr', 1); case('delattr', 1, 'x'); case('delattr', 1, 2)
# numbers
for a, b in [(7, 2), (7, -2), (-7, 2), (7.5, 2), (1, 0), (2**70, 3), ('a', 1), (7, 2.5)]:
    case('divmod', a, b)
case('divmod', 1); case('divmod', 1, 2, 3)
case('pow', 2, 10); case('pow', 2, 10, 7); case('pow', 2, -1, 7); case('pow', 2, 0.5, 7); case('pow', 2, -1)
case('pow', base=2, exp=3); case('pow', 2, 3, mod=5); case('pow', 2, 3, 4, 5); case('pow', 2); case('pow', exp=2)
case('pow', 2, 3, x=1); case('pow', 2, base=3); case('pow', 0, -1); case('pow', 3, 4, 0)
for args in [(2.5,), (3.5,), (-2.5,), (1.2345, 2), (1234, -2), ('a',), (1.5, None), (7,), (2**70, -20), (0.5, 0)]:
    case('round', *args)
case('round', number=1.25, ndigits=1); case('round'); case('round', 1, 2, 3)
# sum
for args in [([1, 2], 3), ([0.1] * 10,), ([1e100, 1.0, -1e100, 1.0],), ([1, 2.5, 3],), (['a'], ''),
             ([b'a'], b''), ([[1]], []), ([], 5), (range(10), 0.0), ([True, True],), ([2**64, 2**64],),
             ([1.5, 2**64],), ([float('inf'), 1.0],), ([1e308, 1e308],), ([2**63 - 1, 1],), ([-2**63, -1],),
             ([1, 2], 0.5), ([0.1, 0.2, 0.3],), ([1, 'a'],), ((1, 2, 3),), ([1.0, 2],), ([[1], [2]], []),
             ([0.1] * 3, 1), ([10**20, 0.5],), ([(1,), (2,)], ())]:
    case('sum', *args)
case('sum'); case('sum', [], start=5); case('sum', [], [], 1); case('sum', [], x=1); case('sum', [1], start=[])
case('sum', iterable=[1])
# min / max
for f in ('min', 'max'):
    case(f, [3, 1, 2]); case(f, 3, 1, 2); case(f, []); case(f, [], default=7); case(f, 1, 2, default=3)
    case(f, 1); case(f); case(f, 'abc'); case(f, [1, 'a']); case(f, 1, 2, x=3); case(f, [(1, 'a'), (1, 'b')])
    case(f, [3, 1, 2], key=None); case(f, [-3, 1, 2], key=abs); case(f, 1, 2, key=1); case(f, a=1)
    case(f, [], default=None, key=None); case(f, [1, 1.0]); case(f, [2, 2.0, 2])
# format, isinstance, issubclass
case('format', 1.5); case('format', 255, 'x'); case('format', 'a', '>5'); case('format'); case('format', 1, 2, 3)
case('format', 1, 2); case('format', value=1); case('format', 2**70, ','); case('format', None, '')
case('format', None, 'x'); case('format', 1.25, '.1f')
case('isinstance', 1, int); case('isinstance', 1, (str, (int,))); case('isinstance', 1); case('isinstance', 1, 1)
case('isinstance', True, int); case('isinstance', 'a', (int, float))
case('issubclass', bool, int); case('issubclass', 1, int); case('issubclass', int, 1); case('issubclass', bool, (str, int))
case('issubclass', int, object); case('issubclass')
# iter, next
case('iter'); case('iter', 1); case('iter', 1, 2, 3); case('iter', [], 1); case('next'); case('next', 1)
case('next', 1, 2, 3); case('next', IT([]), 5); case('next', IT([]))
case('next', IT([4]), 5); case('iter', [1, 2], _list=True); case('iter', 'ab', _list=True)
# sorted
case('sorted', [3, 1, 2]); case('sorted', [3, 1, 2], reverse=True); case('sorted', 'bca'); case('sorted', [1, 'a'])
case('sorted', [], x=1); case('sorted', [], key=None, reverse=0); case('sorted', iterable=[]); case('sorted', [2, 1], None)
case('sorted', [-3, 1, -2], key=abs); case('sorted', [-3, 1, -2], key=abs, reverse=True); case('sorted')
case('sorted', (1, 1.0, True)); case('sorted', 1)
# enumerate, reversed, zip, map, filter, range (types called through builtins)
case('enumerate', 'ab', **L); case('enumerate', 'ab', 5, **L); case('enumerate', 'ab', start=-1, **L)
case('enumerate', 'ab', 2**70, **L); case('enumerate', 'ab', 2**63 - 1, **L); case('enumerate', iterable='ab', **L)
case('enumerate', 1, 2, 3); case('enumerate', [], x=1); case('enumerate', [], start=1, iterable=2)
case('enumerate', iterable=[], start=1.5); case('enumerate', 1); case('enumerate'); case('enumerate', [], 'a')
case('reversed', [1, 2, 3], **L); case('reversed', 'abc', **L); case('reversed', (), **L); case('reversed')
case('reversed', 1, 2); case('reversed', seq=[]); case('reversed', 1); case('reversed', set())
case('reversed', range(5), **L); case('reversed', range(0, 10, 3), **L); case('reversed', range(2**64, 2**64 + 3), **L)
case('zip', **L); case('zip', [1, 2], 'ab', **L); case('zip', [1, 2, 3], 'ab', **L); case('zip', x=1); case('zip', 1)
case('zip', [], strict=1, x=2); case('zip', [1, 2], [3], [4], strict=True, **L); case('zip', [1], [3, 4], [5], strict=True, **L)
case('zip', [1], [3], [5, 6], strict=True, **L); case('zip', strict=True, **L); case('zip', [1, 2], [3, 4], strict=True, **L)
case('zip', [1], [2, 3], [4, 5], strict=True, **L); case('zip', [1, 2], [3, 4], [5], strict=True, **L)
case('map'); case('map', len); case('map', len, 1); case('map', len, [], x=1); case('map', len, [], strict=1, x=1)
case('map', len, ['a', 'bc'], **L); case('map', pow, [2, 3], [3, 2], **L); case('map', pow, [2, 3], [3], **L)
case('map', pow, [2], [3, 4], strict=True, **L); case('map', pow, [2, 5], [3], strict=True, **L)
case('map', divmod, [2], [3], [4, 5], strict=True, **L); case('map', pow, [2, 3], [3, 2], strict=True, **L)
case('filter', 1); case('filter', None, 1); case('filter', None, [], x=1); case('filter', None, [0, 1, '', 2], **L)
case('filter', bool, [0, 1, '', 2], **L); case('filter', abs, [0, -1, 0.0, 2], **L); case('filter', 1, [1], **L)
case('range', 10, **L); case('range', 2, 10, 3, **L); case('range', 10, 2, -3, **L); case('range'); case('range', 1, 2, 3, 4)
case('range', 1, 2, 0); case('range', 1.0); case('range', 1, x=2); case('range', 5, 2, **L); case('range', True, **L)
for r in [range(10), range(2, 10, 3), range(10, 2, -3), range(0), range(2**64), range(-5, 5, 2), range(2**70, 2**70 + 10, 3)]:
    case('repr', r); case('len', r); case('bool', r); case('list', r[:5])
    case('repr', r[::-1]); case('repr', r[1:-1:2]); case('repr', r[-3:]); case('repr', r[::3])
    case('max', r[:1000], default=None); case('min', r[:1000], default=None); case('sum', r[:100])
    case('reversed', r[:6], **L)
case('hash', 0)
