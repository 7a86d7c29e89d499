# unicode_escape, raw_unicode_escape, escape_encode/escape_decode, UTF-7.
import _codecs

def show(f):
    try:
        print(repr(f()))
    except Exception as e:
        print(type(e).__name__, e)

D = _codecs.unicode_escape_decode
for b in [b'a\\n\\t\\x41\\u00e9\\U0001F600\\N{DIGIT ONE}\\101\\\\\\\'\\"\\a\\b\\f\\v\\r\\0',
          b'\\', b'\\x4', b'\\x4g', b'\\u12', b'\\U00110000', b'\\N{nope}', b'\\N{', b'\\Nx', b'ab\\',
          b'\\\n', b'\xe9', b'\\N{LATIN SMALL LETTER E WITH ACUTE}', '\\u20ac\xe9', b'\\U0001F6']:
    show(lambda: D(b)); show(lambda: D(b, 'strict', False)); show(lambda: D(b, 'replace'))
    show(lambda: D(b, 'backslashreplace')); show(lambda: D(b, 'ignore'))
R = _codecs.raw_unicode_escape_decode
for b in [b'a\\u00e9\\U0001F600\\x41\\n', b'\\u12', b'\\U00110000', b'\\', b'\\\\u0041', b'\\\\\\u0041',
          b'\xe9\\', '\\u20ac']:
    show(lambda: R(b)); show(lambda: R(b, 'strict', False)); show(lambda: R(b, 'replace'))
show(lambda: _codecs.unicode_escape_encode('a\\\t\n\r\x00\x7f\xe9\u1234\U0001F600\'"'))
show(lambda: _codecs.raw_unicode_escape_encode('a\\\t\n\xe9\u1234\U0001F600'))
show(lambda: _codecs.unicode_escape_encode(b'x'))

E = _codecs.escape_decode
for b in [b'a\\n\\x41\\101\\\\', b'\\x4', b'\\', '\\x41\xe9', b'\\x4g', b'\\xg', b'\\\n', b'\\0\\00\\000']:
    show(lambda: E(b)); show(lambda: E(b, 'replace')); show(lambda: E(b, 'ignore'))
show(lambda: E(b'\\x4', 'bogus'))
show(lambda: _codecs.escape_encode(b'a\\\'"\t\n\r\x00\x7f\xff'))
show(lambda: _codecs.escape_encode(b'a', 'strict'))
show(lambda: _codecs.escape_encode(bytearray(b'a')))
show(lambda: _codecs.escape_encode('a'))

U7D = _codecs.utf_7_decode
for b in [b'a+AOk-b', b'+AOkA6Q-', b'+AOk', b'+-', b'+2D3eAA-', b'+ZeVnLIqe-', b'a+', b'+A', b'\xe9',
          b'+AOk!', b'+2D0-', b'+3gA-', b'+AOl-', b'+!', b'Hi Mom -+Jjo--!', b'a+AOk']:
    show(lambda: U7D(b)); show(lambda: U7D(b, 'strict', True)); show(lambda: U7D(b, 'replace', True))
show(lambda: _codecs.utf_7_encode('a+b-\xe9\U0001F600 ~\\!x\ud800'))
show(lambda: _codecs.utf_7_encode('Hi Mom -\u263a-!A\u0391.'))
show(lambda: _codecs.utf_7_encode('\xe9a\xe9+\xe9-\xe9.\x00\t\n'))
