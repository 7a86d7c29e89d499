print((255).to_bytes(2, 'little'), (1024).to_bytes(2), int.from_bytes(b'\x00\x10'), (-1).to_bytes(1, signed=True))
print((10).as_integer_ratio(), (7).is_integer(), (5).conjugate(), (6).numerator, (6).denominator, (3).real, (3).imag)
print(int(True), int('  42  '), int('-0'), int('+7'), int('101', 2), int('Z', 36), int(' 0b11 ', 0), int(3.99), int(-3.99))
print(round(1234, -2), round(1250, -2), round(1350, -2), round(-15, -1), round(5), round(7, 2))
try:
    (256).to_bytes(1, 'big')
except OverflowError as e:
    print('OverflowError:', e)
