class Timer:
    def __init__(self, label): self.label = label
    def __enter__(self):
        print('start', self.label)
        return self
    def __exit__(self, et, ev, tb):
        print('stop', self.label, 'error' if et else 'ok')
        return et is KeyError
with Timer('a'):
    pass
with Timer('b'):
    raise KeyError
print('after b')
