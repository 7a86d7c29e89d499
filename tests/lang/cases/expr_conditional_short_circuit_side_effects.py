log = []
def a(v):
    log.append(v)
    return v
x = a(1) if a(0) else a(2)
print(x, log)
log.clear()
y = [a(i) for i in range(5) if a(i % 2)]
print(y, log)
