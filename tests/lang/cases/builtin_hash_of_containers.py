print(hash((1, 2, (3, 4))) == hash((1, 2, (3, 4))), hash(frozenset([1, 2])) == hash(frozenset([2, 1])))
for v in [[1], {1: 2}, {1}, bytearray(b'x')]:
    try:
        hash(v)
    except TypeError as e:
        print('TypeError:', e)
