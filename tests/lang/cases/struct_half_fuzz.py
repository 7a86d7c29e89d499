import struct
seed = 99
def rnd(n):
    global seed
    seed = (seed * 1103515245 + 12345) & 0x7fffffff
    return seed % n
out = []
for i in range(3000):
    e = rnd(40) - 28
    m = 1 + rnd(1 << 30) / (1 << 30)
    x = m * 2.0 ** e * (-1 if rnd(2) else 1)
    for v in (x, round(x * 2048) / 2048):
        try:
            out.append(struct.pack('<e', v).hex())
        except OverflowError:
            out.append('ovf')
    out.append(struct.pack('<f', x * 1e30 if rnd(7) == 0 else x).hex() if abs(x) < 1e8 else '')
print(' '.join(out))
xs = [struct.unpack('<e', bytes([a, b]))[0] for a in range(0, 256, 7) for b in range(256)]
print(sum(1 for x in xs if x != x), repr(sum(x for x in xs if x == x and abs(x) != float('inf'))))
