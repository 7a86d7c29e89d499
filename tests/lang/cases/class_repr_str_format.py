class P:
    def __init__(self, x): self.x = x
    def __repr__(self): return f'P({self.x!r})'
class Q(P):
    def __str__(self): return f'Q with {self.x}'
print(P(1), str(P('a')), repr(Q(2)), str(Q(2)), [P(1), Q(2)], f'{Q(3)}', f'{Q(3)!r}', '%s %r' % (Q(4), Q(4)))
class F:
    def __format__(self, spec): return 'F:' + spec
print(format(F(), 'abc'), f'{F():>{3}}', '{:zz}'.format(F()))
class NoFormat: pass
try:
    format(NoFormat(), 'x')
except TypeError as e:
    print('TypeError:', e)
