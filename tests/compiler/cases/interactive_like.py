print(1); print(2)
x = y = z = 0
