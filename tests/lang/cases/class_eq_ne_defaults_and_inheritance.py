class P:
    def __init__(self, v): self.v = v
    def __eq__(self, o): return isinstance(o, P) and self.v == o.v
print(P(1) == P(1), P(1) != P(1), P(1) != P(2), P(1) == 1, 1 != P(1))
class Q(P): pass
print(Q(1) == P(1), P(1) == Q(1))
