print(0b1010 & 0b0110, 0b1010 | 0b0110, 0b1010 ^ 0b0110)
print(1 << 10, 1024 >> 3, -16 >> 2, -1 >> 100)
print(~0, ~255, -5 & 0xFF, -1 & 0xFFFFFFFF)
print((1 << 100) >> 99, (1 << 70) | 1)
try:
    1 << -1
except ValueError as e:
    print('ValueError:', e)
