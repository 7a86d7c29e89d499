print(int(), int('7'), isinstance(1, int), isinstance(True, int), isinstance(1, (str, float)), isinstance(1, str | int))
print(issubclass(bool, int), issubclass(int, (str, object)), issubclass(bool, int | str))
try:
    isinstance(1, 5)
except TypeError as e:
    print('TypeError:', e)
try:
    issubclass(1, int)
except TypeError as e:
    print('TypeError:', e)
