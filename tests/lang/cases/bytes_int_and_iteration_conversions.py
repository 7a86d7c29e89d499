b = bytes([72, 105])
print(b, list(b), b.decode(), int.from_bytes(b, 'big'), (18537).to_bytes(2, 'big'))
print(bytes.fromhex('48 69'), b.hex(), b[0:1] == b'H', b[0] == 72)
print(b'abc'[::-1], b'a,b'.split(b','), b'x'.join([b'1', b'2']), b' x '.strip())
