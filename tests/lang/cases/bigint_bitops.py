x = (1 << 150) - 1
print(x.bit_length(), x.bit_count(), (x >> 140), x & 0xFFFF, x ^ (1 << 149))
print((-x) >> 100, (-x) & 0xFF, ~x, -x | 1)
print((1 << 64).bit_length(), (-(1 << 64)).bit_length(), (0).bit_length())
print(hex(x), oct(1 << 70), bin(-(1 << 40)))
