import struct
n = float('nan')
for x in [n, -n, struct.unpack('<d', b'\x01\x00\x00\x00\x00\x00\xf8\x7f')[0], struct.unpack('<d', b'\x00\x00\x00\x00\x00\x01\xf0\x7f')[0], struct.unpack('<d', b'\x00\x00\x00\x00\x00\x00\xf4\xff')[0]]:
    print(struct.pack('<e', x).hex(), struct.pack('<f', x).hex(), struct.pack('<d', x).hex())
for b in [b'\x01\x7c', b'\x00\x7e', b'\x01\xfe', b'\x00\xfd']:
    x = struct.unpack('<e', b)[0]
    print(struct.pack('<d', x).hex(), struct.pack('<e', x).hex())
for b in [b'\x01\x00\x80\x7f', b'\x00\x00\xc0\xff', b'\x01\x00\xa0\x7f']:
    x = struct.unpack('<f', b)[0]
    print(struct.pack('<d', x).hex(), struct.pack('<f', x).hex())
