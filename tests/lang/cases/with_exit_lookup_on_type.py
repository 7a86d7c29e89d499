class CM:
    def __enter__(self): return 'cm'
    def __exit__(self, *a): print('type exit')
c = CM()
c.__exit__ = lambda *a: print('instance exit')
with c as v:
    print(v)
