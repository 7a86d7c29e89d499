# Unclosed replacement fields: str.format and _string.formatter_parser
# report them with CPython's texts.
import _string
for s in ['{0:x', '{:', '{0!', '{!', '{0:{1}', '{0[:]', '{0[!]', '{0:[', '{0[x]!r', '{0[', '{0:{', '{0:}}',
          '{0!r', 'a{0', '}', '{', '{0[5]b}', '{0.}', '{0[]}', '{0[0]x}']:
    try:
        print(repr(s), s.format([1, 2], 2))
    except Exception as e:
        print(repr(s), type(e).__name__, e)
    try:
        print(repr(s), list(_string.formatter_parser(s)))
    except Exception as e:
        print(repr(s), type(e).__name__, e)

# a small string.Formatter.vformat built on the two functions
def vformat(fmt, args, kwargs, depth=2):
    out = []
    auto = 0
    for literal, field, spec, conv in _string.formatter_parser(fmt):
        out.append(literal)
        if field is None:
            continue
        first, rest = _string.formatter_field_name_split(field)
        if first == '':
            first = auto
            auto += 1
        obj = args[first] if isinstance(first, int) else kwargs[first]
        for is_attr, key in rest:
            obj = getattr(obj, key) if is_attr else obj[key]
        if conv == 'r':
            obj = repr(obj)
        elif conv == 's':
            obj = str(obj)
        elif conv == 'a':
            obj = ascii(obj)
        if spec and depth > 1:
            spec = vformat(spec, args, kwargs, depth - 1)
        out.append(format(obj, spec))
    return ''.join(out)

class P:
    x = 3
    y = [10, 20]
args = (5, 'ab')
kwargs = {'p': P(), 'k': {'a': '\xe9'}}
for fmt in ['{} and {}', '{p.x} {p.y[1]} {k[a]}', '{1:>{0}}|', '{1!r:^9}', '{k[a]!a}', '{{{0}}}']:
    print(repr(vformat(fmt, args, kwargs)), repr(fmt.format(*args, **kwargs)))
