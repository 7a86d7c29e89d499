x = [[y for y in row] for row in grid]
y = {k: [v for v in vs] for k, vs in d.items()}
