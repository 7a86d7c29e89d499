def averager():
    total = 0
    n = 0
    def add(x):
        nonlocal total, n
        total += x
        n += 1
        return total / n
    return add
avg = averager()
print([avg(v) for v in [10, 20, 30, 40]])
