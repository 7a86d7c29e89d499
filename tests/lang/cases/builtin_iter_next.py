it = iter([1, 2])
print(next(it), next(it), next(it, 'default'))
class Counter:
    def __init__(self): self.n = 0
    def __call__(self):
        self.n += 1
        return self.n
print(list(iter(Counter(), 4)))
try:
    next(5)
except TypeError as e:
    print('TypeError:', e)
try:
    iter(5, 1)
except TypeError as e:
    print('TypeError:', e)
