def naturals():
    n = 1
    while True:
        yield n
        n += 1
def take(n, it):
    for _, x in zip(range(n), it):
        yield x
squares = (n * n for n in naturals())
odd = (s for s in squares if s % 2)
print(list(take(6, odd)))
