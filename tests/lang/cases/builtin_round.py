print(round(3.14159, 2), round(2.5), round(-0.5), round(1.005, 2), round(123, -1), round(125, -1), round(-125, -1))
class R:
    def __round__(self, n=None): return ('rounded', n)
print(round(R()), round(R(), 3))
try:
    round('x')
except TypeError as e:
    print('TypeError:', e)
