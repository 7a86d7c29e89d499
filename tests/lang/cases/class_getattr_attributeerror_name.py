class P:
    def __getattr__(self, name):
        raise AttributeError(f'no {name}', name=name, obj=self)
try:
    P().thing
except AttributeError as e:
    print(e, e.name, type(e.obj).__name__)
