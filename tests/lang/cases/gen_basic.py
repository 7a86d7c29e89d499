def count(n):
    i = 0
    while i < n:
        yield i
        i += 1
g = count(3)
print(type(g).__name__, next(g), next(g), next(g))
try:
    next(g)
except StopIteration as e:
    print('StopIteration', e.value)
print(list(count(5)), sum(count(4)))
