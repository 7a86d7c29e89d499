# The UTF and 8-bit codec functions of _codecs: results, consumed counts,
# final flags, byte orders, BOMs and argument errors.
import _codecs

def show(f):
    try:
        print(repr(f()))
    except Exception as e:
        print(type(e).__name__, e)

print(sorted(x for x in dir(_codecs) if not x.startswith('__')))
s = 'a\xe9\u20ac\U0001F600'
for name in ['utf_8', 'utf_16', 'utf_16_le', 'utf_16_be', 'utf_32', 'utf_32_le', 'utf_32_be', 'utf_7']:
    enc = getattr(_codecs, name + '_encode')
    dec = getattr(_codecs, name + '_decode')
    b, n = enc(s)
    print(name, b, n)
    print(dec(b), dec(b, 'strict', True), dec(b, None, False))
    for k in range(len(b) + 1):
        print(' ', k, dec(b[:k], 'strict', False))
    show(lambda: dec(b[:-1], 'strict', True))
    show(lambda: dec(b[:-1]))
show(lambda: _codecs.utf_16_encode(s, 'strict', 1))
show(lambda: _codecs.utf_16_encode(s, 'strict', -1))
show(lambda: _codecs.utf_32_encode(s, None, 1))
show(lambda: _codecs.utf_32_encode(s, None, -1))
show(lambda: _codecs.utf_16_encode(s, 'strict', 'x'))
show(lambda: _codecs.utf_16_encode(s, 'strict', 1.0))
show(lambda: _codecs.utf_16_le_encode(s, 'strict', 1))
for b in [b'\xff\xfea\x00', b'\xfe\xff\x00a', b'a\x00', b'\xff', b'', b'\xfe\xff\x00a\x00', b'\xff\xfe\x00\xd8\x00']:
    show(lambda: _codecs.utf_16_ex_decode(b))
    show(lambda: _codecs.utf_16_ex_decode(b, 'strict', 0, True))
    show(lambda: _codecs.utf_16_ex_decode(b, 'replace', 1, True))
    show(lambda: _codecs.utf_16_ex_decode(b, 'strict', -1, False))
    show(lambda: _codecs.utf_16_decode(b, 'replace', True))
for b in [b'\xff\xfe\x00\x00a\x00\x00\x00', b'\x00\x00\xfe\xff\x00\x00\x00a', b'a\x00\x00\x00', b'\xff\xfe', b'a\x00\x00\x00\x00\xd8\x00\x00', b'\x00\x00\x11\x00']:
    show(lambda: _codecs.utf_32_ex_decode(b))
    show(lambda: _codecs.utf_32_ex_decode(b, 'strict', 0, True))
    show(lambda: _codecs.utf_32_ex_decode(b, 'replace', 1, True))
    show(lambda: _codecs.utf_32_decode(b, 'replace', True))
    show(lambda: _codecs.utf_32_decode(b, 'surrogatepass', True))

# UTF-8 errors and partial input
for b in [b'\xff', b'\xc3', b'\xc3(', b'\xe2\x82', b'\xe2\x82(', b'\xf0\x9f\x98', b'\xed\xa0\x80',
          b'\xc0\x80', b'\xf4\x90\x80\x80', b'a\x80b', b'\xe0\x80\x80']:
    show(lambda: _codecs.utf_8_decode(b))
    show(lambda: _codecs.utf_8_decode(b, 'strict', True))
    show(lambda: _codecs.utf_8_decode(b, 'replace', True))
    show(lambda: _codecs.utf_8_decode(b, 'surrogatepass', True))
show(lambda: _codecs.utf_8_encode('a\ud800\udfffb'))
show(lambda: _codecs.utf_8_encode('a\ud800\udfffb', 'surrogatepass'))
show(lambda: _codecs.utf_16_le_encode('a\ud800b'))
show(lambda: _codecs.utf_32_encode('a\ud800b', 'surrogatepass'))
show(lambda: _codecs.utf_16_be_encode('a\ud800b', 'surrogatepass'))

# latin-1 and ascii
show(lambda: _codecs.latin_1_encode('a\xe9\xff'))
show(lambda: _codecs.latin_1_encode('a\u0100\u0101b'))
show(lambda: _codecs.latin_1_encode('a\u0100b', 'replace'))
show(lambda: _codecs.latin_1_decode(b'a\xe9\xff'))
show(lambda: _codecs.latin_1_decode(bytearray(b'\x80')))
show(lambda: _codecs.latin_1_decode(memoryview(b'xy')))
show(lambda: _codecs.ascii_encode('abc'))
show(lambda: _codecs.ascii_encode('ab\xe9'))
show(lambda: _codecs.ascii_encode('\xe9\xe9'))
show(lambda: _codecs.ascii_encode('ab\xe9', 'backslashreplace'))
show(lambda: _codecs.ascii_decode(b'ab'))
show(lambda: _codecs.ascii_decode(b'ab\x80\x81'))
show(lambda: _codecs.ascii_decode(b'ab\x80\x81', 'replace'))
show(lambda: _codecs.ascii_decode(b'ab', 'strict', True))
show(lambda: _codecs.readbuffer_encode('\xe9'))
show(lambda: _codecs.readbuffer_encode(b'ab'))
show(lambda: _codecs.readbuffer_encode(bytearray(b'ab'), 'strict'))
show(lambda: _codecs.readbuffer_encode(1))

# argument errors
show(lambda: _codecs.utf_8_encode(b''))
show(lambda: _codecs.utf_8_encode('', 1))
show(lambda: _codecs.utf_8_decode(1))
show(lambda: _codecs.utf_8_decode('abc'))
show(lambda: _codecs.utf_8_decode())
show(lambda: _codecs.utf_8_decode(b'', 'strict', True, 1))
show(lambda: _codecs.latin_1_encode('a', 'strict', 1))

# str methods with the built-in codecs and their aliases
for enc in ['UTF8', 'utf_8', 'U8', 'latin1', 'L1', 'iso-8859-1', 'US-ASCII', '646', 'utf-16', 'UTF-32BE']:
    print(enc, 'a\xe9'.encode(enc, 'replace'), 'a\xe9'.encode(enc, 'replace').decode(enc))
