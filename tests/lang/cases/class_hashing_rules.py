class A: pass
a1, a2 = A(), A()
print(hash(a1) == hash(a1), a1 == a2, a1 == a1)
class EqOnly:
    def __eq__(self, o): return True
print(EqOnly.__hash__)
try:
    hash(EqOnly())
except TypeError as e:
    print('TypeError:', e)
class EqHash:
    def __init__(self, v): self.v = v
    def __eq__(self, o): return self.v == o.v
    def __hash__(self): return hash(self.v)
print(len({EqHash(1), EqHash(1), EqHash(2)}))
class Sub(EqHash):
    def __eq__(self, o): return False
print(Sub.__hash__)
class Inherit(EqHash): pass
print(hash(Inherit(3)) == hash(3))
class NoHash:
    __hash__ = None
try:
    {NoHash()}
except TypeError as e:
    print('TypeError:', e)
