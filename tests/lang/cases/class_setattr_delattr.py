class Guarded:
    def __setattr__(self, name, value):
        print('set', name, value)
        if name == 'frozen':
            raise AttributeError('cannot set frozen')
        super().__setattr__(name, value)
    def __delattr__(self, name):
        print('del', name)
        super().__delattr__(name)
g = Guarded()
g.a = 1
try:
    g.frozen = 2
except AttributeError as e:
    print('AttributeError:', e)
del g.a
try:
    del g.a
except AttributeError as e:
    print('AttributeError:', e)
setattr(g, 'b', 5)
delattr(g, 'b')
print(g.__dict__)
