class A:
    def __add__(self, o):
        print('A.__add__')
        return NotImplemented
    def __radd__(self, o):
        print('A.__radd__')
        return 'A.radd'
class B:
    def __add__(self, o):
        print('B.__add__')
        return NotImplemented
    def __radd__(self, o):
        print('B.__radd__')
        return 'B.radd'
print(A() + B())
print(1 + A())
class SubA(A):
    def __radd__(self, o):
        print('SubA.__radd__')
        return 'SubA.radd first'
print(A() + SubA())
class Neither:
    def __add__(self, o): return NotImplemented
try:
    Neither() + Neither()
except TypeError as e:
    print('TypeError:', e)
