# _string.formatter_parser and formatter_field_name_split, as string.Formatter uses them.
import _string
def show(f):
    try: print(repr(f()))
    except Exception as e: print(type(e).__name__, e)
for s in ['', 'abc', 'a{{b', 'a}}b', '{{}}', '{}', 'x{0!r:>5}y', '{a.b[c]:{w}}', '{0:}', '{!r}', '{:x}', '{0!}', '{0!rr}', '{0!r', '{', '}', 'a{0', '{0[}', '{0[]}', '{a[b]c}', '{0:{1:{2}}}', '{[}]}', '{0!:}', 'ab{0}cd{{', '{\u20ac}é']:
    show(lambda: list(_string.formatter_parser(s)))
    show(lambda: s.format(1, 2, 3, a=1, w=3))
it = _string.formatter_parser('a{0}')
print(type(it).__name__, next(it), iter(it) is it)
for s in ['', 'a', '0', '12', 'a.b', 'a[0]', 'a[x].y[12]', '0.x', 'a.', 'a[', 'a[]', 'a[0]b', 'a..b', '.b', '[0]', '-1', '01', 'a[-1]']:
    def f():
        first, rest = _string.formatter_field_name_split(s)
        return first, type(rest).__name__, list(rest)
    show(f)
show(lambda: _string.formatter_parser(1))
show(lambda: _string.formatter_field_name_split(1))
print(sorted(x for x in dir(_string) if not x.startswith('__')))
