import copy, enum

class Point:
    __slots__ = ('x', 'y')
    def __init__(self, x, y):
        self.x = x; self.y = y
    def __repr__(self):
        return f"Point({self.x}, {self.y})"

class Box:
    def __init__(self, items):
        self.items = items
        self.me = self

class Color(enum.Enum):
    RED = 1
    GREEN = 2

class Flag(enum.IntFlag):
    A = 1
    B = 2

p = Point(1, [2, 3])
q = copy.copy(p)
print(q, q.y is p.y)
r = copy.deepcopy(p)
print(r, r.y is p.y)
b = Box([1, {'k': (2, [3])}])
b2 = copy.deepcopy(b)
print(b2.items, b2.me is b2, b2.items is b.items, b2.items[1]['k'][1] is b.items[1]['k'][1])
b3 = copy.copy(b)
print(b3.items is b.items, b3.me is b)
print(copy.copy(Color.RED) is Color.RED, copy.deepcopy(Color.GREEN) is Color.GREEN)
print(copy.deepcopy(Flag.A | Flag.B), Color.RED.__reduce_ex__(2))

class L(list):
    pass
l = L([1, [2]]); l.tag = 't'
l2 = copy.deepcopy(l)
print(type(l2).__name__, l2, l2.tag, l2[1] is l[1])
class D(dict):
    pass
d = D(a=[1]); d.tag = 'u'
d2 = copy.deepcopy(d)
print(type(d2).__name__, d2, d2.tag)
s = {1, 2}; fs = frozenset({3})
print(copy.deepcopy([s, fs, (1, 2), range(3), slice(1, 2), 1j, b'x', bytearray(b'y')]))

class Inherit(Point):
    __slots__ = ('z',)
    def __init__(self):
        super().__init__(1, 2); self.z = 3
i = copy.deepcopy(Inherit())
print(i, i.z)
print(copy.copy(Point), copy.deepcopy(int))
