class Proxy:
    def __init__(self, target):
        object.__setattr__(self, '_t', target)
    def __getattr__(self, name):
        return getattr(self._t, name)
    def __setattr__(self, name, v):
        setattr(self._t, name, v)
p = Proxy([3, 1, 2])
p.sort()
print(p._t, p.count(1), p.__class__.__name__)
try:
    len(p)
except TypeError as e:
    print('TypeError:', e)
