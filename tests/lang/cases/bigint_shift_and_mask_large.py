x = 1
for i in range(10):
    x = (x << 37) | i
print(x, x.bit_length(), x >> 300, x & ((1 << 37) - 1), (x >> 37) & 0xFF)
