import binascii as B
seed = 12345
def rnd(n):
    global seed
    seed = (seed * 1103515245 + 12345) & 0x7fffffff
    return seed % n
alpha = b'ab =_.\t\r\n\x00\xff=3D09AF' 
b64alpha = b'QUJD+/=\n !x'
def r(e):
    try:
        return repr(e())
    except Exception as ex:
        return type(ex).__name__ + ' ' + str(ex)
for i in range(400):
    n = rnd(90)
    data = bytes(alpha[rnd(len(alpha))] for _ in range(n))
    print(i, r(lambda: B.b2a_qp(data)), r(lambda: B.b2a_qp(data, quotetabs=True, istext=False, header=True)),
          r(lambda: B.a2b_qp(data)), r(lambda: B.a2b_qp(data, header=True)))
    d2 = bytes(b64alpha[rnd(len(b64alpha))] for _ in range(rnd(14)))
    print(r(lambda: B.a2b_base64(d2)), r(lambda: B.a2b_base64(d2, strict_mode=True)))
    d3 = bytes([32 + rnd(66) for _ in range(rnd(12))])
    print(r(lambda: B.a2b_uu(d3)))
