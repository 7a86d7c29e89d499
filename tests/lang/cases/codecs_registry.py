# The codec registry: search functions, lookup cache and normalization,
# encode/decode through registered codecs, text-encoding checks.
import _codecs

class CodecInfo(tuple):
    _is_text_encoding = True
    def __new__(cls, encode, decode, name=None, _is_text_encoding=None):
        self = tuple.__new__(cls, (encode, decode, None, None))
        self.name = name
        self.encode = encode
        self.decode = decode
        self.incrementalencoder = None
        self.incrementaldecoder = None
        if _is_text_encoding is not None:
            self._is_text_encoding = _is_text_encoding
        return self

def show(f):
    try:
        print(repr(f()))
    except Exception as e:
        print(type(e).__name__, e, getattr(e, '__notes__', None))

calls = []
def rot(s, errors='strict'):
    return (s.translate({ord('a'): 'b', ord('b'): 'a'}), len(s))
def up_enc(s, errors='strict'):
    return (s.upper().encode('ascii', errors), len(s))
def up_dec(b, errors='strict'):
    return (bytes(b).decode('ascii', errors).lower(), len(b))

def search(name):
    calls.append(name)
    if name == 'upper_codec':
        return CodecInfo(up_enc, up_dec, name='upper-codec')
    if name == 'rotab':
        return CodecInfo(rot, rot, name='rotab', _is_text_encoding=False)
    if name == 'bad4':
        return (1, 2, 3)
    if name == 'bad5':
        return 5
    if name == 'ret1':
        return CodecInfo(lambda s, e='strict': (b'x',), lambda b, e='strict': ('x',), name='ret1')
    if name == 'retstr':
        return CodecInfo(lambda s, e='strict': ('x', 1), lambda b, e='strict': (b'x', 1), name='retstr')
    if name == 'raise':
        def f(*a):
            raise ValueError('boom')
        return CodecInfo(f, f, name='raise')
    return None

_codecs.register(search)
show(lambda: _codecs.lookup('Upper Codec').name)
show(lambda: _codecs.lookup('upper-codec') is _codecs.lookup('UPPER_CODEC'))
print(calls)
for n in ['Foo Bar', 'foo-bar', 'FOO.bar', ' a ', 'a  b', 'a--b', 'x\xe9y', '']:
    show(lambda: _codecs.lookup(n))
print(calls)
show(lambda: _codecs.lookup('a\x00b'))
show(lambda: _codecs.lookup(1))
show(lambda: _codecs.register(1))
show(lambda: _codecs.lookup('bad4'))
show(lambda: _codecs.lookup('bad5'))

show(lambda: 'hello'.encode('upper_codec'))
show(lambda: b'HELLO'.decode('upper-codec'))
show(lambda: bytearray(b'HI').decode('upper codec'))
show(lambda: str(b'ABC', 'upper_codec'))
show(lambda: str(b'A\xff', 'upper_codec', 'replace'))
show(lambda: 'h\xe9'.encode('upper_codec'))
show(lambda: 'h\xe9'.encode('upper_codec', 'xmlcharrefreplace'))
show(lambda: _codecs.encode('abc', 'upper_codec'))
show(lambda: _codecs.decode(b'ABC', 'upper_codec'))
show(lambda: _codecs.encode(obj='abc', encoding='upper_codec', errors='strict'))

show(lambda: 'abba'.encode('rotab'))
show(lambda: b'abba'.decode('rotab'))
show(lambda: _codecs.encode('abba', 'rotab'))
show(lambda: _codecs.decode('abba', 'rotab'))

for n in ['ret1', 'retstr', 'raise']:
    show(lambda: 'a'.encode(n))
    show(lambda: b'a'.decode(n))
    show(lambda: _codecs.encode('a', n))
    show(lambda: _codecs.decode(b'a', n))
    show(lambda: str(b'a', n))

show(lambda: _codecs.encode('a', 'no such codec'))
show(lambda: 'a'.encode('no-such'))
show(lambda: b'a'.decode('no-such'))
show(lambda: _codecs.encode('\udc80', 'utf-8'))
show(lambda: _codecs.decode(b'\xff', 'utf-8'))
show(lambda: _codecs.encode('abc'))
show(lambda: _codecs.decode(b'abc'))
show(lambda: _codecs.encode('\xe9', 'latin-1'))
show(lambda: _codecs.decode(b'\xe9', 'latin1', 'strict'))
show(lambda: _codecs.encode('a', 1))

# unregister clears the cache
print(_codecs.unregister(search))
print(_codecs.unregister(search))
show(lambda: _codecs.lookup('upper_codec'))
_codecs.register(search)
show(lambda: _codecs.lookup('upper_codec').name)

# without errors the codec gets one argument, as CPython passes it
def one_search(name):
    if name == 'onearg':
        return CodecInfo(lambda s: (s.encode('ascii') + b'!', len(s)),
                         lambda b: (bytes(b).decode('ascii') + '?', len(b)), name='onearg')
_codecs.register(one_search)
show(lambda: 'abc'.encode('onearg'))
show(lambda: b'abc'.decode('onearg'))
show(lambda: bytes('abc', 'onearg'))
show(lambda: bytearray('abc', 'onearg'))
show(lambda: str(b'abc', 'onearg'))
show(lambda: str(b'abc', encoding='onearg'))
show(lambda: _codecs.encode('abc', 'onearg'))
show(lambda: _codecs.decode(b'abc', 'onearg'))
show(lambda: 'abc'.encode('onearg', 'strict'))
