class Base:
    @property
    def v(self): return 'base'
class Child(Base):
    @Base.v.getter
    def v(self): return 'child'
class Setter(Base):
    @Base.v.setter
    def v(self, val): print('setting', val)
print(Child().v, Setter().v)
s = Setter()
s.v = 10
