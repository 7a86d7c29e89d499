x = 0
[x for x in range(3)]
print(x)
