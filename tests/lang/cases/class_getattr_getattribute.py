class Lazy:
    def __init__(self): self.real = 'present'
    def __getattr__(self, name):
        if name.startswith('_'):
            raise AttributeError(name)
        return f'computed {name}'
l = Lazy()
print(l.real, l.anything, getattr(l, 'other'), hasattr(l, '_private'))
class Logged:
    def __init__(self): self.x = 1
    def __getattribute__(self, name):
        if not name.startswith('__'):
            print('get', name)
        return super().__getattribute__(name)
lg = Logged()
print(lg.x)
class Both:
    def __getattribute__(self, name):
        if name == 'boom':
            raise AttributeError('boom not here')
        return object.__getattribute__(self, name)
    def __getattr__(self, name):
        return 'fallback for ' + name
print(Both().boom)
