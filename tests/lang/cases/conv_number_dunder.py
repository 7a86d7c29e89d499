class Num:
    def __int__(self): return 7
    def __float__(self): return 2.5
    def __complex__(self): return 1j
    def __index__(self): return 3
print(int(Num()), float(Num()), complex(Num()), operator_index := Num().__index__(), [0, 1, 2, 3][Num()], range(Num()))
class OnlyIndex:
    def __index__(self): return 5
print(int(OnlyIndex()), float(OnlyIndex()) if hasattr(float, '__index__') else float(OnlyIndex()))
class BadInt:
    def __int__(self): return 'x'
try:
    int(BadInt())
except TypeError as e:
    print('TypeError:', e)
class Trunc:
    def __trunc__(self): return 9
try:
    print(int(Trunc()))
except TypeError as e:
    print('TypeError:', e)
