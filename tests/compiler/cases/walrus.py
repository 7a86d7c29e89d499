if (n := len(a)) > 10:
    print(n)
while (line := f()):
    pass
y = [z := 1, z + 1]
