n = 123456789 ** 5
print(n, str(n)[:10], len(str(n)))
print(int('9' * 60) + 1)
print(int('-' + '1' * 50, 2), int('zz' * 10, 36), int('0x' + 'f' * 30, 16), int('0o777', 0), int('1_000_000'))
print(hex(n), n.to_bytes(20, 'big').hex(), int.from_bytes(b'\x01' * 12, 'little'))
print((-12345678901234567890).to_bytes(9, 'big', signed=True).hex(), int.from_bytes(b'\xff\xfe', 'big', signed=True))
print(float(2 ** 100), int(1e30), int(-2.5e20), round(2 ** 80 / 3))
print(10 ** 30 / 10 ** 10, 10 ** 400 // 10 ** 399, 7 ** 50 / 7 ** 48)
try:
    (1 << 2000) / 1
except OverflowError as e:
    print('OverflowError:', e)
try:
    float(10 ** 400)
except OverflowError as e:
    print('OverflowError:', e)
