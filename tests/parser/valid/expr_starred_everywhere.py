print(*a, *b)
x = *a, *b
return_ = [*range(3)]
def f():
    return *a, *b
def g():
    yield *a, b
for x in *a, b: pass
s = {*a, *b}
d = {**a, **b}
t = (*a,)
*a, = b
