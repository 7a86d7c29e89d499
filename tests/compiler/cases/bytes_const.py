b = b'\x00\xff'
c = b''
d = bytes([1, 2])
