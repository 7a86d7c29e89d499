print(abs(-5), abs(3.5), abs(-0.0), abs(3 + 4j), abs(True), abs(-2 ** 70))
class A:
    def __abs__(self): return 'abs called'
print(abs(A()))
try:
    abs('x')
except TypeError as e:
    print('TypeError:', e)
