b = b'hello'
print(b[0], b[-1], b[1:3], list(b[:2]), len(b), b + b' world', b * 2, b'ell' in b, 104 in b)
print(bytes(3), bytes([65, 66]), bytes('é', 'utf-8'), bytes(range(3)), bytes(b'ab'))
print(b.upper(), b.title(), b.split(b'l'), b.replace(b'l', b'L'), b.find(b'l'), b.count(b'l'))
print(b.hex(), bytes.fromhex('de ad be ef'), b'\x00\xff'.hex('-'), b.startswith(b'he'))
print(repr(b'\n\t\\\'"'), repr(b"'"), repr(b'\x7f\x80'), b'abc'.decode())
try:
    bytes([256])
except ValueError as e:
    print('ValueError:', e)
try:
    b'a' + 'b'
except TypeError as e:
    print('TypeError:', e)
