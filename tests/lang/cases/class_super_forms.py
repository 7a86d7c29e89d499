class Base:
    def m(self): return 'Base.m'
    @classmethod
    def cm(cls): return 'Base.cm of ' + cls.__name__
    @staticmethod
    def sm(): return 'Base.sm'
class Derived(Base):
    def m(self):
        return ['two-arg ' + super(Derived, self).m(), 'zero-arg ' + super().m()]
    @classmethod
    def cm(cls):
        return 'D.cm -> ' + super().cm()
    def sm_via_super(self):
        return super().sm()
d = Derived()
print(d.m(), Derived.cm(), d.sm_via_super())
print(super(Derived, d).m(), super(Derived, Derived).cm())
s = super(Derived, d)
print(type(s).__name__, s.__thisclass__.__name__, s.__self_class__.__name__)
try:
    super(Derived, 5)
except TypeError as e:
    print('TypeError:', e)
