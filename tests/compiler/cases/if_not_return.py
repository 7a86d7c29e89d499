def f(c, x):
    while 1:
        if c:
            if not x:
                return -1
        else:
            j = 2
        c = j
