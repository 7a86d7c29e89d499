import struct
seed = 777
def rnd(n):
    global seed
    seed = (seed * 1103515245 + 12345) & 0x7fffffff
    return seed % n
def val(c):
    k = rnd(6)
    if c in 'bBhHiIlLqQnNP':
        return [0, 1, -1, 127, 255, 2**31, 2**63, -2**63][rnd(8)] if k else rnd(70000) - 35000
    if c in 'efd':
        return [0.0, -0.0, 1.5, 1e-7, 65504.0, 3.4e38, 1e300, -2.5][rnd(8)]
    if c == '?':
        return rnd(3)
    if c == 'c':
        return b'xy'[:1 + (k == 0)]
    return b'hello'[:rnd(6)]
for i in range(600):
    order = '=<>!'[rnd(4)]
    chars = 'xcbB?hHiIlLqQefdsp' + ('nNP' if order == '@' else '')
    fmt = order
    items = []
    for _ in range(rnd(5)):
        c = chars[rnd(len(chars))]
        cnt = rnd(4)
        fmt += (str(cnt) if cnt != 1 else '') + c
        if c in 'sp':
            items.append(val('s'))
        elif c != 'x':
            items += [val(c) for _ in range(cnt)]
    try:
        b = struct.pack(fmt, *items)
        print(fmt, struct.calcsize(fmt), b.hex(), struct.unpack(fmt, b))
    except Exception as e:
        print(fmt, type(e).__name__, e)
