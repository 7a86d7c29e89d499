ba = bytearray(b'hello')
ba[0] = 72
ba.append(33)
ba.extend(b'??')
print(ba, len(ba))
ba[1:3] = b'EY'
print(ba)
del ba[-2:]
print(ba, ba.pop(), ba)
ba.insert(0, 62)
ba.remove(ord('l'))
print(ba, ba.find(b'l'), ba.upper(), bytes(ba))
ba.reverse()
print(ba)
ba += b'++'
ba *= 2
print(ba)
print(bytearray(3), bytearray([1, 2]), bytearray('ab', 'ascii'), bytearray.fromhex('4142'))
try:
    ba[0] = 300
except ValueError as e:
    print('ValueError:', e)
ba.clear()
print(ba, ba == b'', bytearray(b'x') == b'x')
