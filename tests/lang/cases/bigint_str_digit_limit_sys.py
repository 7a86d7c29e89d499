import sys
print(sys.get_int_max_str_digits())
old = sys.get_int_max_str_digits()
sys.set_int_max_str_digits(5000)
print(len(str(10 ** 4500)))
sys.set_int_max_str_digits(0)
print(len(str(10 ** 9000)))
try:
    sys.set_int_max_str_digits(100)
except ValueError as e:
    print('ValueError:', e)
sys.set_int_max_str_digits(old)
try:
    str(10 ** 4500)
except ValueError as e:
    print('restored limit:', e)
