print(b'a' < b'b', b'abc' < b'abd', b'' == bytearray(), hash(b'abc') == hash(b'abc'))
print([x for x in b'AZ'], list(bytearray(b'\x01\x02')), sum(b'\x01\x02\x03'))
try:
    hash(bytearray(b'x'))
except TypeError as e:
    print('TypeError:', e)
print(b'a' == 'a', bytes(memoryview(b'mv')))
