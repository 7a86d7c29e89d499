# methods_attrs.py: method calls and attribute reads and writes on instances.
class Vector:
    __slots__ = ("x", "y")

    def __init__(self, x, y):
        self.x = x
        self.y = y

    def dot(self, other):
        return self.x * other.x + self.y * other.y

    def scaled(self, k):
        return Vector(self.x * k, self.y * k)

class Counter:
    def __init__(self):
        self.count = 0

    def bump(self, n):
        self.count += n
        return self

total = 0
c = Counter()
v = Vector(1, 2)
for i in range(300000):
    w = v.scaled(i % 7)
    total += v.dot(w)
    c.bump(1).bump(2)
print(total, c.count)
