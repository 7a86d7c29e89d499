class A:
    def __call__(self): return 1
class B: pass
print([callable(x) for x in [A(), B(), A, len, print, 1, 'x', lambda: 0, str.upper, [].append]])
