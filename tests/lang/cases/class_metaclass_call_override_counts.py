class Counting(type):
    instances = 0
    def __call__(cls, *a, **k):
        Counting.instances += 1
        return super().__call__(*a, **k)
class X(metaclass=Counting):
    def __init__(self, v=0): self.v = v
class Y(X): pass
X(); Y(1); Y(v=2)
print(Counting.instances, type(Y).__name__)
