def f(n):
    while n:
        n -= 1
        if n == 3:
            break
    else:
        n = -1
    return n
