# _sre directly: constants, compile with an int subclass for flags, template
# checks, and the validation of malformed code lists.
import _sre
class F(int):
    pass
p = _sre.compile('a', F(2), [14, 4, 0, 1, 1, 16, 97, 1], F(0), {}, (None,))
print(p, p.flags, type(p.flags).__name__, p.match('a'))
print(_sre.MAGIC, _sre.CODESIZE, _sre.getcodesize())
try:
    _sre.template('x', [1])
except TypeError as e:
    print(e)
try:
    _sre.template('x', ['a', -1, 'b'])
except TypeError as e:
    print(e)
for code in ([1000], [], [17, 5, 1], [14, 4, 0, 1, 1, 16], [24, 99, 0, 1, 2, 1, 1], [11, 0, 1], [7, 100, 0, 1]):
    try:
        _sre.compile('a', 0, code, 0, {}, (None,))
        print(code, 'accepted')
    except RuntimeError as e:
        print(code, 'RuntimeError', e)
for c in (0x41, 0xdf, 0x130, 0x3a3, 0x1e9e, 0x212a, 0x10400):
    print(hex(c), _sre.ascii_iscased(c), _sre.unicode_iscased(c), _sre.ascii_tolower(c), _sre.unicode_tolower(c))
