for n in [0, 1, -1, 10, 255, -256, 2 ** 40]:
    print(bin(n), oct(n), hex(n), format(n, 'b'), f'{n:#010x}')
class Idx:
    def __index__(self): return 42
print(bin(Idx()), hex(Idx()), [1, 2, 3, 4][Idx() - 40 if False else 1], ('x' * 50)[Idx()])
try:
    hex(1.5)
except TypeError as e:
    print('TypeError:', e)
