log = []
def g(v):
    log.append(v)
    return v > 1
for x in [1, 2]:
    match x:
        case n if g(n):
            print('big', n)
        case n:
            print('small', n)
print(log)
