if 1:
    a()
if 0:
    b()
while True:
    c()
    break
if None:
    d()
