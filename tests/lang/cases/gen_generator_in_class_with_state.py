class Fib:
    def __init__(self, limit): self.limit = limit
    def __iter__(self):
        a, b = 0, 1
        while a < self.limit:
            yield a
            a, b = b, a + b
f = Fib(100)
print(list(f), list(f) == list(f), len(list(f)))
