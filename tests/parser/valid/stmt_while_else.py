while x:
    x -= 1
else:
    done()
while (n := next(it)) is not None: print(n)
