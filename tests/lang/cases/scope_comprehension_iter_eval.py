def f():
    print('eval outer iterable')
    return [1, 2]
g = (x for x in f())
print('gen created')
print(list(g))
try:
    (x for x in 5)
except TypeError as e:
    print('TypeError', e)
def deco():
    vals = [10, 20]
    return [[v + w for w in range(2)] for v in vals]
print(deco())
