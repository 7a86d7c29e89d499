big = 10 ** 5000
try:
    s = str(big)
except ValueError as e:
    print('ValueError:', e)
try:
    int('1' * 5000)
except ValueError as e:
    print('ValueError:', e)
print(len(str(10 ** 4299)), len(hex(big)) > 0)
ok = int('7' * 4300)
print(ok % 1000)
print(repr(10 ** 4300 - 1)[-5:])
try:
    f'{10 ** 4300}'
except ValueError as e:
    print('ValueError in f-string:', e)
