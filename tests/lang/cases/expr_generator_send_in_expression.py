def g():
    total = 0
    while True:
        total += (yield total) or 0
it = g()
print([next(it)] + [it.send(i) for i in range(1, 5)])
