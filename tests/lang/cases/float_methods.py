x = 3.75
print(x.as_integer_ratio(), x.is_integer(), (4.0).is_integer(), x.hex(), float.fromhex('0x1.ep+1'), x.conjugate())
print((0.1).as_integer_ratio(), (-0.5).hex(), float.fromhex('-0x1p-1074'), (1e300).hex())
print(round(2.5), round(3.5), round(-2.5), round(0.125, 2), round(0.375, 2), round(2.675, 2), round(1234.5678, -2), round(1.5, None))
print(round(float('inf'), 2), type(round(2.7)).__name__, type(round(2.7, 0)).__name__)
try:
    round(float('inf'))
except OverflowError as e:
    print('OverflowError:', e)
try:
    float('nan').as_integer_ratio()
except ValueError as e:
    print('ValueError:', e)
print(float.fromhex('inf'), float('  -1.5e3  '), float('1_000.5'), float('.5e1'), float('Infinity'), float('-nan'))
