class MyMap(dict):
    def __missing__(self, k):
        return 'missing!'
m = MyMap(a=1)
match m:
    case {'zzz': v}:
        print('matched zzz', v)
    case {'a': v}:
        print('matched a', v)
class Lookups(dict):
    def get(self, key, default=None):
        print('get', key)
        return super().get(key, default)
match Lookups(x=1, y=2):
    case {'x': 1, 'y': y}:
        print('y =', y)
