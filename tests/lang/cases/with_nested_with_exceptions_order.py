class CM:
    def __init__(self, n): self.n = n
    def __enter__(self): print('enter', self.n); return self
    def __exit__(self, et, ev, tb):
        print('exit', self.n, et.__name__ if et else None)
        return self.n == 1
with CM(1):
    with CM(2):
        with CM(3):
            raise ValueError
print('survived')
