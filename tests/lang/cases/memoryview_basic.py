b = bytearray(b'abcdef')
m = memoryview(b)
print(m[0], bytes(m[1:3]), m.tobytes(), len(m), m.readonly, m.format, m.itemsize, m.nbytes)
m[0] = ord('Z')
print(b, m.tolist()[:3])
m2 = m[::2]
print(bytes(m2), m2.tolist())
print(memoryview(b'xyz').readonly, m.hex())
m.release()
try:
    m[0]
except ValueError as e:
    print('ValueError:', e)
