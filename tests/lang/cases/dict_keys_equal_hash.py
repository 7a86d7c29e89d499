d = {1: 'int', 1.0: 'float', True: 'bool'}
print(d)
d2 = {0: 'a', False: 'b', 0.0: 'c', -0.0: 'd'}
print(d2)
class K:
    def __init__(self, v): self.v = v
    def __hash__(self): return hash(self.v)
    def __eq__(self, o): return isinstance(o, K) and self.v == o.v
    def __repr__(self): return f'K({self.v})'
d3 = {K(1): 'first'}
d3[K(1)] = 'second'
print(d3, K(1) in d3, K(2) in d3)
nan = float('nan')
d4 = {nan: 1}
print(d4[nan], float('nan') in d4)
