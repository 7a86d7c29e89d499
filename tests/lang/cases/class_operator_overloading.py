class V:
    def __init__(self, x, y): self.x, self.y = x, y
    def __repr__(self): return f'V({self.x}, {self.y})'
    def __add__(self, o):
        if isinstance(o, V): return V(self.x + o.x, self.y + o.y)
        return NotImplemented
    def __sub__(self, o): return V(self.x - o.x, self.y - o.y)
    def __mul__(self, k):
        if isinstance(k, (int, float)): return V(self.x * k, self.y * k)
        return NotImplemented
    __rmul__ = __mul__
    def __neg__(self): return V(-self.x, -self.y)
    def __abs__(self): return (self.x ** 2 + self.y ** 2) ** 0.5
    def __matmul__(self, o): return self.x * o.x + self.y * o.y
    def __eq__(self, o): return isinstance(o, V) and (self.x, self.y) == (o.x, o.y)
    def __bool__(self): return bool(self.x or self.y)
    def __truediv__(self, k): return V(self.x / k, self.y / k)
    def __floordiv__(self, k): return V(self.x // k, self.y // k)
    def __mod__(self, k): return V(self.x % k, self.y % k)
    def __pow__(self, k): return V(self.x ** k, self.y ** k)
a, b = V(1, 2), V(3, 4)
print(a + b, a - b, a * 3, 3 * a, -a, abs(b), a @ b, a == V(1, 2), a != b, bool(V(0, 0)))
print(b / 2, b // 2, b % 2, a ** 2)
try:
    a + 1
except TypeError as e:
    print('TypeError:', e)
try:
    'x' * a
except TypeError as e:
    print('TypeError:', e)
