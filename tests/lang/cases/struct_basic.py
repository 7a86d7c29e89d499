import struct
from struct import pack, unpack, calcsize, Struct, iter_unpack, pack_into, unpack_from

for order in '<>!=':
    for code, vals in [('b', (-128, 0, 127)), ('B', (0, 255)), ('h', (-32768, 12345, 32767)),
                       ('H', (0, 65535)), ('i', (-2**31, 2**31 - 1)), ('I', (0, 2**32 - 1)),
                       ('l', (-2**31, 7)), ('L', (2**32 - 1,)), ('q', (-2**63, 2**63 - 1)),
                       ('Q', (0, 2**64 - 1)), ('?', (True, False)), ('e', (1.5, -0.0, 65504.0)),
                       ('f', (1.5, -2.25, 3.4028234663852886e38)), ('d', (0.1, -1e300, float('inf')))]:
        fmt = order + str(len(vals)) + code
        b = pack(fmt, *vals)
        print(fmt, calcsize(fmt), b.hex(), unpack(fmt, b))

print(pack('<?', 'x'), pack('<?', 0), unpack('<3?', b'\x00\x01\x02'))
print(pack('<c3s2sp5p', b'z', b'abcdef', b'a', b'', b'hello world'))
print(unpack('<c3s2sp5p', b'zabca\x00\x00\x0bhell'))
print(pack('<0s', b'x'), unpack('<0s', b''), pack('<1p', b'abc'), pack('<3x'), calcsize('<3x2s'))
print(pack('<10p', b'abc'), unpack('<10p', b'\x09abcdefghi'), unpack('<4p', b'\x09abc'))
print(pack('<300p', b'x' * 280)[:2], unpack('<300p', pack('<300p', b'x' * 280))[0] == b'x' * 280)

# half floats
for x in [0.0, 1.0, -2.0, 65504.0, 6.103515625e-05, 5.960464477539063e-08, 0.1, 1/3,
          1e-8, 2.9802322387695312e-08, 65519.99, float('inf'), float('-inf')]:
    b = pack('<e', x)
    print(repr(x), b.hex(), unpack('<e', b))
print(unpack('<e', pack('<e', float('nan')))[0] != 0)
print(unpack('>e', b'\x7c\x01')[0] != unpack('>e', b'\x7c\x01')[0])
print(unpack('<f', pack('<f', 0.1)), unpack('>d', pack('>d', -0.0)))

s = Struct('>hhl')
print(s.format, s.size, repr(s), s.pack(1, 2, 3))
print(s.unpack(b'\x00\x01\x00\x02\x00\x00\x00\x03'))
print(s.unpack_from(b'xx\x00\x01\x00\x02\x00\x00\x00\x03', 2))
print(s.unpack_from(b'\x00\x01\x00\x02\x00\x00\x00\x03xx', offset=0))
buf = bytearray(12)
s.pack_into(buf, 2, -1, -2, -3)
print(buf)
pack_into('<H', buf, -2, 0xabcd)
print(buf, unpack_from('<H', buf, -2), unpack_from('<H', memoryview(buf), 10))
print(list(iter_unpack('<hb', b'\x01\x00\x02\x03\x00\x04')))
print(list(s.iter_unpack(b'\x00\x01\x00\x02\x00\x00\x00\x03' * 2)))
print(Struct(b'<2i').format, Struct(format='=q').size)
print(unpack('<i', memoryview(b'\x01\x02\x03\x04')), unpack('<i', bytearray(b'\x01\x02\x03\x04')))
print(calcsize('< i h '), pack('<2h ', 1, 2), calcsize('<0i'), calcsize('<'), pack('<'))
print(pack('<q', -1), pack('<Q', 2**64 - 1), unpack('<q', b'\xff' * 8), unpack('>Q', b'\x80' + b'\0' * 7))
print(pack('>i', True), pack('>d', 3), pack('>e', 2))
class S(Struct):
    pass
print(repr(S('<i')), S('<i').pack(5))
struct._clearcache()
print(struct.error.__name__, issubclass(struct.error, Exception))
print(struct.__all__)
