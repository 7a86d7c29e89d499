class Counter:
    n = 0
    def inc(self):
        self.n += 1
a, b = Counter(), Counter()
a.inc(); a.inc(); b.inc()
print(a.n, b.n, Counter.n)
class Shared:
    items = []
    def add(self, x): self.items.append(x)
s1, s2 = Shared(), Shared()
s1.add(1); s2.add(2)
print(Shared.items, s1.items is s2.items)
