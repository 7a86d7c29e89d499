n = 2 ** 100 + 12345
for base in [2, 8, 16, 36]:
    digits = '0123456789abcdefghijklmnopqrstuvwxyz'
    s, m = '', n
    while m:
        s = digits[m % base] + s
        m //= base
    print(base, s, int(s, base) == n)
