# Error handlers: the built-in ones as callables, register_error and
# lookup_error, user handlers called by the C codecs.
import _codecs

def show(f):
    try:
        print(repr(f()))
    except Exception as e:
        print(type(e).__name__, e)

for n in ['strict', 'ignore', 'replace', 'xmlcharrefreplace', 'backslashreplace',
          'namereplace', 'surrogateescape', 'surrogatepass']:
    print(n, _codecs.lookup_error(n).__name__)
show(lambda: _codecs.lookup_error('nope'))
show(lambda: _codecs.lookup_error(1))
show(lambda: _codecs.register_error('x', 1))
show(lambda: _codecs._unregister_error('strict'))
print(_codecs._unregister_error('nope'))

enc = UnicodeEncodeError('ascii', 'a\xe9\u20ac\U0001F600b', 1, 4, 'ordinal not in range(128)')
dec = UnicodeDecodeError('utf-8', b'ab\xff\xfe\x80c', 2, 5, 'invalid start byte')
tr = UnicodeTranslateError('a\u1234\U00012345', 0, 3, 'r')
for n in ['strict', 'ignore', 'replace', 'xmlcharrefreplace', 'backslashreplace',
          'namereplace', 'surrogateescape', 'surrogatepass']:
    h = _codecs.lookup_error(n)
    for e in [enc, dec, tr]:
        show(lambda: h(e))
show(lambda: _codecs.lookup_error('strict')(1))
show(lambda: _codecs.lookup_error('ignore')(ValueError()))
show(lambda: _codecs.lookup_error('surrogateescape')(UnicodeDecodeError('a', b'\xff\xfe\xfd\xfc\xfb\xfa', 0, 6, 'r')))
show(lambda: _codecs.lookup_error('surrogateescape')(UnicodeEncodeError('a', 'x\udc80\udcff', 1, 3, 'r')))
show(lambda: _codecs.lookup_error('surrogatepass')(UnicodeDecodeError('utf-16-be', b'\xd8\x00\x00', 0, 2, 'r')))
show(lambda: _codecs.lookup_error('surrogatepass')(UnicodeDecodeError('utf-8', b'\xed\xa0\x80', 0, 3, 'r')))
show(lambda: _codecs.lookup_error('surrogatepass')(UnicodeEncodeError('utf-32', 'a\ud800\udc00', 1, 3, 'r')))
show(lambda: _codecs.lookup_error('surrogatepass')(UnicodeEncodeError('utf-8', 'a\ud800\udc00', 1, 3, 'r')))
show(lambda: _codecs.lookup_error('surrogatepass')(UnicodeEncodeError('utf-16-be', 'a\ud800', 1, 2, 'r')))
show(lambda: _codecs.lookup_error('surrogatepass')(UnicodeEncodeError('latin-1', 'a\ud800', 1, 2, 'r')))

# built-in handlers through the codecs
s = 'a\xe9\u20ac\U0001F600\udc80b'
for codec in ['ascii', 'latin-1', 'utf-8', 'utf-16-le', 'utf-32-be']:
    for n in ['strict', 'ignore', 'replace', 'xmlcharrefreplace', 'backslashreplace',
              'namereplace', 'surrogateescape', 'surrogatepass']:
        show(lambda: s.encode(codec, n))
b = b'a\xff\xc3\xa9\xed\xa0\x80b'
for codec in ['ascii', 'utf-8', 'utf-16-le', 'utf-32']:
    for n in ['strict', 'ignore', 'replace', 'backslashreplace', 'surrogateescape',
              'surrogatepass', 'xmlcharrefreplace']:
        show(lambda: b.decode(codec, n))

# user handlers
def h(e):
    print(' handler', type(e).__name__, e.encoding, e.start, e.end, repr(e.object), e.reason)
    return ('[%d:%d]' % (e.start, e.end), e.end)
_codecs.register_error('h', h)
show(lambda: 'a\xe9\u20acb\U0001F600'.encode('ascii', 'h'))
show(lambda: 'a\xe9\u20acb'.encode('latin-1', 'h'))
show(lambda: 'a\ud800b'.encode('utf-8', 'h'))
show(lambda: 'a\ud800b'.encode('utf-16-be', 'h'))
show(lambda: b'a\xffb\xc3'.decode('utf-8', 'h'))
show(lambda: b'a\x80'.decode('ascii', 'h'))
show(lambda: b'a\x00\x00\xdc'.decode('utf-16-le', 'h'))
show(lambda: b'\x00\x00\x11\x00'.decode('utf-32-le', 'h'))
show(lambda: _codecs.unicode_escape_decode(b'\\x4', 'h'))
print(_codecs.lookup_error('h') is h)
_codecs.register_error('neg', lambda e: ('?', -1))
show(lambda: 'a\xe9b'.encode('ascii', 'neg'))
_codecs.register_error('far', lambda e: ('?', 100))
show(lambda: 'a\xe9b'.encode('ascii', 'far'))
show(lambda: b'a\xffb'.decode('utf-8', 'far'))
_codecs.register_error('badret', lambda e: 1)
show(lambda: 'a\xe9b'.encode('ascii', 'badret'))
show(lambda: b'\xff'.decode('ascii', 'badret'))
_codecs.register_error('nonascii', lambda e: ('\xe9', e.end))
show(lambda: 'a\u1234'.encode('ascii', 'nonascii'))
show(lambda: 'a\u1234'.encode('latin-1', 'nonascii'))
_codecs.register_error('bytes', lambda e: (b'\x00\x01', e.end))
show(lambda: 'a\u1234'.encode('latin-1', 'bytes'))
_codecs.register_error('back', lambda e: ('<', e.start + 1) if e.start == 1 else ('>', e.end))
show(lambda: 'a\xe9\xe9b'.encode('ascii', 'back'))
show(lambda: 'a\xe9'.encode('ascii', 'undefined-handler'))
show(lambda: b'\xff'.decode('utf-8', 'undefined-handler'))
show(lambda: 'abc'.encode('ascii', 'undefined-handler'))
# overriding a built-in name does not change the codecs
_codecs.register_error('strict', h)
print(_codecs.lookup_error('strict') is h)
show(lambda: '\xe9'.encode('ascii'))
print(_codecs._unregister_error('h'), _codecs._unregister_error('h'))
show(lambda: 'a\xe9'.encode('ascii', 'h'))

# built-in functions are callables too
_codecs.register_error('bs', _codecs.lookup_error('backslashreplace'))
show(lambda: 'a\xe9'.encode('ascii', 'bs'))
_codecs.register(len)
show(lambda: _codecs.lookup('xyz'))
