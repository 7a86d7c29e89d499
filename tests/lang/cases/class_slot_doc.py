class F:
    __slots__ = ('_name', '__doc__')
    def __init__(self, n, d): self._name = n; self.__doc__ = d
f = F('x', 'docstring')
print(f.__doc__, type(F.__dict__['__doc__']).__name__)
g = F('y', None); print(g.__doc__)
