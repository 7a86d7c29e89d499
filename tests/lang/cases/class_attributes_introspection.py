class A:
    'Docstring of A'
    x = 1
    def m(self): pass
print(A.__doc__, A.__name__, A.__qualname__, A.__module__, sorted(k for k in vars(A) if not k.startswith('__')))
a = A()
a.y = 2
print(vars(a), dir(a)[-3:], hasattr(a, 'm'), getattr(a, 'nope', 'dflt'))
print('__init__' in dir(A), A.__dict__['x'], type(A.__dict__).__name__)
try:
    A.__dict__['x'] = 2
except TypeError as e:
    print('TypeError:', e)
