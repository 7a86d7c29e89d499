ba = bytearray(range(10))
ba[2:5] = b'\xff'
print(ba)
del ba[::2]
print(ba, ba.count(255), ba.index(3) if 3 in ba else -1)
ba.extend(range(3))
print(ba, ba.hex(), ba.decode('latin-1') == ''.join(map(chr, ba)))
