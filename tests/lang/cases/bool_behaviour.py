print(True + True, True * 10, -True, ~int(True), True / 2, True // 1, True & False, True | False, True ^ True)
print(type(True & True).__name__, type(True + 0).__name__, bool(0), bool(''), bool([0]), bool(None), bool(0.0), bool(-0.0j))
print(repr(True), str(False), int(True), float(False), True == 1, (True == 1) is True, isinstance(True, int))
print(sum([True, True, False]), max(True, 2), [False, True][True])
class Z:
    def __bool__(self): return False
class L:
    def __len__(self): return 0
class Bad:
    def __bool__(self): return 1
print(bool(Z()), bool(L()), not Z(), 'yes' if L() else 'no')
try:
    bool(Bad())
except TypeError as e:
    print('TypeError:', e)
