def g():
    x = yield 1
    y = yield x * 2
    z = yield y + 1
    return x, y, z
it = g()
print(next(it), it.send(10), it.send(20))
try:
    it.send(30)
except StopIteration as e:
    print(e.value)
