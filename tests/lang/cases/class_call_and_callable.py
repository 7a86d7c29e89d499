class Adder:
    def __init__(self, n): self.n = n
    def __call__(self, x, *, scale=1): return (x + self.n) * scale
a = Adder(3)
print(a(1), a(1, scale=10), callable(a), callable(Adder), callable(5))
try:
    Adder(1)(1, 2)
except TypeError as e:
    print('TypeError:', e)
