class CM:
    def __init__(self, name): self.name = name
    def __enter__(self):
        print('enter', self.name)
        return self
    def __exit__(self, et, ev, tb):
        print('exit', self.name, et.__name__ if et else None, ev)
        return False
with CM('one') as c:
    print('body', c.name)
try:
    with CM('two'):
        raise ValueError('oops')
except ValueError as e:
    print('propagated', e)
