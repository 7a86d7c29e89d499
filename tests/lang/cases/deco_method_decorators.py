def trace(fn):
    def w(self, *a):
        print('->', type(self).__name__, fn.__name__, a)
        return fn(self, *a)
    return w
class C:
    @trace
    def m(self, x): return x * 2
    @classmethod
    @property
    def weird(cls): return 'x'
print(C().m(4))
