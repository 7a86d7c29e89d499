class Money:
    def __init__(self, c): self.c = c
    def __eq__(self, o):
        if not isinstance(o, Money): return NotImplemented
        return self.c == o.c
    def __lt__(self, o):
        if not isinstance(o, Money): return NotImplemented
        return self.c < o.c
    def __hash__(self): return hash(self.c)
    def __repr__(self): return f'${self.c}'
ms = [Money(5), Money(1), Money(3)]
print(sorted(ms), Money(1) == Money(1), Money(1) == 1, Money(2) > Money(1))
try:
    Money(1) <= Money(2)
except TypeError as e:
    print('TypeError:', e)
