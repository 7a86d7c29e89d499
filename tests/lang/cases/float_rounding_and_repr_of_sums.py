vals = [0.1 * i for i in range(10)]
print(vals)
print([round(v, 2) for v in vals], sum(vals))
print(1.1 + 2.2, 3.3 * 3, 1e-10 + 1, 0.1 ** 2, 2 ** 0.5 ** 2)
