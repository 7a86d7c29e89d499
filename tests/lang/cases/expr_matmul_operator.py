class M:
    def __init__(self, r): self.r = r
    def __matmul__(self, o):
        return M([[sum(a * b for a, b in zip(row, col)) for col in zip(*o.r)] for row in self.r])
    def __imatmul__(self, o):
        self.r = (self @ o).r
        return self
a = M([[1, 2], [3, 4]])
print((a @ a).r)
a @= M([[0, 1], [1, 0]])
print(a.r)
try:
    1 @ 2
except TypeError as e:
    print('TypeError:', e)
