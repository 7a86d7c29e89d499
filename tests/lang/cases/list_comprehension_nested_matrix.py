m = [[r * 3 + c for c in range(3)] for r in range(3)]
print(m)
print([list(row) for row in zip(*m)])
print([x for row in m for x in row if x % 2 == 0])
flat = sum(m, [])
print(flat)
m[0][0] = 'X'
alias = [[0] * 2] * 2
alias[0][0] = 1
print(m[0], alias)
