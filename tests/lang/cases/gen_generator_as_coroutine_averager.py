def averager():
    total = count = 0
    avg = None
    while True:
        try:
            x = yield avg
        except ValueError:
            total = count = 0
            avg = None
            continue
        total += x
        count += 1
        avg = total / count
a = averager()
next(a)
print(a.send(10), a.send(20), a.throw(ValueError), a.send(5))
