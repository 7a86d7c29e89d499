adders = [lambda x, n=n: x + n for n in range(3)]
print([a(10) for a in adders])
adders2 = [lambda x: x + n for n in range(3)]
print([a(10) for a in adders2])
def mk():
    res = []
    for i in range(3):
        def f(): return i
        res.append(f)
    i = 99
    return [f() for f in res]
print(mk())
