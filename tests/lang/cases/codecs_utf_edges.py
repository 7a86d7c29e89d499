# Edge cases of the UTF-8/16/32 codecs: surrogates, truncation, error ranges.
import _codecs
def show(f):
    try: print(repr(f()))
    except Exception as e: print(type(e).__name__, e)
for b in [b'\x00\xd8a\x00', b'\x00\xdca\x00', b'\x00\xd8\x00\xd8', b'a\x00\x00\xd8', b'\x00\xd8\x00\xdc\x00', b'\x00\xd8\x00']:
    for e in ['strict', 'replace', 'surrogatepass', 'ignore', 'backslashreplace', 'surrogateescape']:
        show(lambda: _codecs.utf_16_le_decode(b, e, True))
    show(lambda: _codecs.utf_16_le_decode(b, 'strict', False))
for b in [b'\x00\xd8\x00\x00', b'\x00\x00\x11\x00', b'\xff\xff\xff\xff']:
    for e in ['strict', 'replace', 'surrogatepass']:
        show(lambda: _codecs.utf_32_le_decode(b, e, True))
for s in ['\ud800', '\udfff\ud800x', 'a\U0010ffff']:
    for e in ['strict', 'surrogatepass', 'replace', 'backslashreplace', 'xmlcharrefreplace']:
        show(lambda: _codecs.utf_16_be_encode(s, e))
        show(lambda: _codecs.utf_32_encode(s, e))
show(lambda: _codecs.utf_8_decode(b'\xed\xa0\x80\xed\xb0\x80', 'surrogatepass'))
show(lambda: _codecs.utf_8_decode(b'\xed\xa0', 'surrogatepass', True))
show(lambda: _codecs.utf_8_decode(b'\xed\xa0', 'surrogatepass', False))
show(lambda: _codecs.utf_8_decode(b'\xf8\x88\x80\x80\x80', 'replace', True))
show(lambda: _codecs.utf_8_decode(b'\xe0\x80', 'replace', True))
show(lambda: _codecs.utf_8_decode(b'\xe0\x80', 'strict', False))
show(lambda: _codecs.utf_8_decode(b'\xc3', 'surrogateescape', True))
show(lambda: _codecs.utf_8_decode(b'\xf1\x80\x80', 'backslashreplace', True))
show(lambda: _codecs.utf_8_decode(b'\xed\xa0A', 'surrogatepass', True))
show(lambda: _codecs.utf_8_decode(b'\xed\xa0A', 'replace', True))
show(lambda: 'a\ud800\udfffb'.encode('utf-8', 'replace'))
show(lambda: 'a\ud800\udfffb'.encode('utf-16', 'replace'))
show(lambda: 'a\ud800\udfffb'.encode('utf-32-le', 'xmlcharrefreplace'))
