x = 1
print(x, y)
del z
