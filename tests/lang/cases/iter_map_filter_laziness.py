log = []
def sq(x):
    log.append(x)
    return x * x
m = map(sq, [1, 2, 3])
print(log)
print(next(m), log)
f = filter(lambda x: x > 1, m)
print(list(f), log)
