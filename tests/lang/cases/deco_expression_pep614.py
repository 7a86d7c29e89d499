decos = {'double': lambda f: lambda x: f(x) * 2}
@decos['double']
def f(x): return x + 1
print(f(3))
@(lambda fn: fn)
def g(): return 'g'
print(g())
class NS:
    @staticmethod
    def d(fn): return lambda: 'replaced'
@NS.d
def h(): return 'h'
print(h())
