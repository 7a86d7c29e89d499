print(dict(a=1), sorted(dir([]))[:3], 'append' in dir([]), divmod(7, 2), divmod(-7.5, 2), divmod(2 ** 65, 3))
class D:
    def __dir__(self): return ['z', 'a', 'm']
print(dir(D()))
