for i in range(10):
    print(i)
for a, b in pairs:
    pass
else:
    x = 1
