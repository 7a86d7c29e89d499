Base = type('Base', (), {'hello': lambda self: 'base hello'})
Child = type('Child', (Base,), {'x': 1, '__repr__': lambda self: 'Child()'})
c = Child()
print(c, c.hello(), c.x, Child.__mro__[1].__name__, Child.__bases__[0] is Base)
