class Acc:
    def __init__(self): self.items = []
    def __iadd__(self, o):
        self.items.append(o)
        return self
    def __repr__(self): return f'Acc{self.items}'
a = Acc()
b = a
a += 1
a += 2
print(a, a is b)
class OnlyAdd:
    def __init__(self, v): self.v = v
    def __add__(self, o): return OnlyAdd(self.v + o)
x = OnlyAdd(1)
y = x
x += 5
print(x.v, y.v, x is y)
class NIIadd:
    def __iadd__(self, o): return NotImplemented
    def __add__(self, o): return 'fell back to __add__'
z = NIIadd()
z += 1
print(z)
