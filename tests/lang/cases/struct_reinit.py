import struct
def t(f):
    try:
        print(repr(f()))
    except Exception as e:
        print(type(e).__name__, e)
s = struct.Struct('i')
s.__init__('<h')
print(s.size, s.format, s.pack(7))
s.__init__(b'>q')
print(s.size, s.format, s.pack(7))
t(lambda: struct.Struct('\u00e9'))
t(lambda: struct.calcsize(b'<q'))
t(lambda: struct.pack('<2e', 1e-10, -1e-5))
t(lambda: struct.unpack('<2e', b'\x00\x80\x01\x80'))
t(lambda: struct.pack('<?', float('nan')))
t(lambda: struct.pack('<I', 2.0))
t(lambda: struct.pack('<s', 1))
t(lambda: struct.iter_unpack('<i', 'abcd'))
t(lambda: struct.unpack('<i', 'abcd'))
t(lambda: struct.pack_into('<i', bytearray(4), 'x', 1))
t(lambda: struct.unpack_from('<i', b'abcd', 'x'))
t(lambda: struct.pack('<5s', memoryview(b'ab')))
