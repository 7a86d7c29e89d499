# charmap_decode / charmap_encode with tables, dicts and EncodingMap.
import _codecs

def show(f):
    try:
        print(repr(f()))
    except Exception as e:
        print(type(e).__name__, e)

table = 'abc\ufffe\u20ac' + ''.join(chr(i) for i in range(5, 256))
show(lambda: _codecs.charmap_decode(b'\x00\x01\x04\x41'))
show(lambda: _codecs.charmap_decode(b'\x00\x01\x04\x41', 'strict', table))
show(lambda: _codecs.charmap_decode(b'\x00\x03\x04', 'strict', table))
show(lambda: _codecs.charmap_decode(b'\x00\x03\x04', 'replace', table))
show(lambda: _codecs.charmap_decode(b'\x00\x03\x04', 'ignore', table))
show(lambda: _codecs.charmap_decode(b'\x00\x03\x04', 'backslashreplace', table))
show(lambda: _codecs.charmap_decode(b'\x00\x09', 'strict', 'xy'))
show(lambda: _codecs.charmap_decode(b'\x00\x01\x02\x03', 'strict', {0: 'A', 1: 0x20ac, 2: None}))
show(lambda: _codecs.charmap_decode(b'\x00\x01', 'strict', {0: 'AB', 1: 'C'}))
show(lambda: _codecs.charmap_decode(b'\x00', 'strict', {0: 0x110000}))
show(lambda: _codecs.charmap_decode(b'\x00', 'strict', {0: 1.5}))
show(lambda: _codecs.charmap_decode(b'\x00\x01', 'replace', {0: 'A'}))
show(lambda: _codecs.charmap_decode(b'\x00\x01', 'strict', ['x', 'y']))

m = _codecs.charmap_build(table)
print(type(m).__name__)
show(lambda: _codecs.charmap_encode('abc\u20acA'))
show(lambda: _codecs.charmap_encode('ab\u0100'))
show(lambda: _codecs.charmap_encode('abc\u20acA', 'strict', m))
show(lambda: _codecs.charmap_encode('a\u1234\u1235b', 'strict', m))
show(lambda: _codecs.charmap_encode('a\u1234\u1235b', 'replace', m))
show(lambda: _codecs.charmap_encode('a\u1234\u1235b', 'ignore', m))
show(lambda: _codecs.charmap_encode('a\u1234b', 'xmlcharrefreplace', m))
show(lambda: _codecs.charmap_encode('a\u1234b', 'backslashreplace', m))
show(lambda: _codecs.charmap_encode('ab', 'strict', {97: 65, 98: b'BB'}))
show(lambda: _codecs.charmap_encode('abc', 'strict', {97: 65, 98: None}))
show(lambda: _codecs.charmap_encode('a', 'strict', {97: 300}))
show(lambda: _codecs.charmap_encode('a', 'strict', {97: 'x'}))
show(lambda: _codecs.charmap_encode('a?', 'replace', {97: 65}))
show(lambda: _codecs.charmap_encode('ab', 'replace', {97: 65, 63: 33}))
show(lambda: _codecs.charmap_build(1))
d = _codecs.charmap_build('a\U0001F600')
print(type(d).__name__, d)
show(lambda: _codecs.charmap_encode('\U0001F600a', 'strict', d))
def h(e):
    return ('?', e.end)
_codecs.register_error('q', h)
show(lambda: _codecs.charmap_encode('a\u1234b', 'q', m))
show(lambda: _codecs.charmap_decode(b'\x03', 'q', table))
