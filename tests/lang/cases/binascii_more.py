import binascii as B
def t(f, *a, **k):
    try:
        print(repr(f(*a, **k)))
    except Exception as e:
        print(type(e).__name__, e)
data = bytes(range(256)) * 3
for n in range(0, 40, 7):
    chunk = data[n * 5:n * 5 + n]
    e = B.b2a_base64(chunk)
    print(n, e, B.a2b_base64(e) == chunk, B.a2b_base64(e[:-1], strict_mode=True) == chunk)
    q = B.b2a_qp(chunk)
    print(q, B.a2b_qp(q) == chunk)
    u = B.b2a_uu(chunk)
    print(u, B.a2b_uu(u) == chunk)
    print(B.hexlify(chunk, ' ', 4), B.crc32(chunk), B.crc_hqx(chunk, 7))
text = b'The quick brown fox jumps over the lazy dog.  ' * 4 + b'\n' + b'tab\tend\t\r\n' + b'=' * 30
print(B.b2a_qp(text))
print(B.b2a_qp(text, quotetabs=True, header=True))
print(B.a2b_qp(B.b2a_qp(text)) == text)
t(B.a2b_base64, b'YWJjZA==\n', strict_mode=True)
t(B.a2b_base64, b'YWJjZA=', strict_mode=False)
t(B.a2b_base64, b'YWJj=', strict_mode=True)
t(B.a2b_base64, b'YWJj====', strict_mode=False)
t(B.a2b_base64, 'YWJjZA==\u00e9')
t(B.b2a_base64, b'x', True)
t(B.hexlify, memoryview(b'\x10\x20'), sep=b'|')
t(B.hexlify, b'\x10\x20\x30', sep='\u00e9')
t(B.crc32, b'a' * 1000, 2**40 + 5)
t(B.crc32, 'abc')
t(B.unhexlify, b'')
t(B.a2b_uu, b'!80``')
import base64
print(base64.b64encode(b'hello'), base64.b64decode('aGVsbG8='), base64.urlsafe_b64encode(b'\xff\xfe'))
print(base64.b32encode(b'hello'), base64.b16encode(b'hi'), base64.b85encode(b'hello'), base64.a85encode(b'hello'))
print(base64.b32decode(b'NBSWY3DP'), base64.b85decode(b'Xk~0{Zv'), base64.encodebytes(b'x' * 60))
