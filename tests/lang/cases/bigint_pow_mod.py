print(pow(2, 100, 1000000007), pow(3, 10**18, 10**9 + 9), pow(7, -1, 13), pow(10, -2, 97))
print(pow(123456789, 987654321, 2**127 - 1))
print(pow(2, 10**5, 10**40 + 1))
print(pow(-3, 3, 7), pow(3, 3, -7), pow(0, 0, 5), pow(5, 0, 1))
try:
    pow(2, -1, 4)
except ValueError as e:
    print('ValueError:', e)
try:
    pow(2, 3, 0)
except ValueError as e:
    print('ValueError:', e)
try:
    pow(2.0, 3, 5)
except TypeError as e:
    print('TypeError:', e)
