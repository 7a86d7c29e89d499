class Base:
    def __mul__(self, o): return 'Base.mul'
    def __rmul__(self, o): return 'Base.rmul'
class Derived(Base):
    def __rmul__(self, o): return 'Derived.rmul'
print(Base() * Derived(), Derived() * Base(), 2 * Derived(), Base() * 2)
