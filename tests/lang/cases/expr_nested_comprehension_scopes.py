x = 10
print([[x * y for y in range(3)] for x in range(3)], x)
print([(i, j) for i in range(3) for j in range(i)])
print({i: [j for j in range(i)] for i in range(4)})
print(list((i, list(c for c in 'ab')) for i in range(2)))
