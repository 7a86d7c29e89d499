a = [x for x in y]
b = {x for x in y if x}
c = {k: v for k, v in d.items()}
d = (x for x in y)
e = [x * y for x in a for y in b if x if y]
def f(n):
    return [i for i in range(n)]
