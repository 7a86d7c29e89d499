x = 1 if y else 2
z = [0x1 for _ in a]
w = 1or 2
