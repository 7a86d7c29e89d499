class Ver:
    def __init__(self, *p): self.p = p
    def __eq__(self, o): return self.p == o.p
    def __lt__(self, o): return self.p < o.p
    def __le__(self, o): return self.p <= o.p
    def __repr__(self): return 'Ver' + '.'.join(map(str, self.p))
a, b = Ver(1, 2), Ver(1, 10)
print(a < b, a > b, a <= b, a >= b, a == b, a != b)
print(sorted([Ver(2), Ver(1, 5), Ver(1)]), max(a, b))
class OnlyEq:
    def __eq__(self, o): return True
try:
    OnlyEq() < OnlyEq()
except TypeError as e:
    print('TypeError:', e)
print(OnlyEq() != OnlyEq(), OnlyEq() == 5, 5 == OnlyEq())
class Rev:
    def __gt__(self, o):
        print('Rev.__gt__ called')
        return True
print(1 < Rev())
