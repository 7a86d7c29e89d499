l = [5, 4, 3, 2, 1]
seen = []
def key(x):
    seen.append(len(l))
    return x
l.sort(key=key)
print(l, seen)
print(sorted([0.5, 1, -2, 3.25, True, False]))
print(sorted([-0.0, 0.0, 0, -0.0]), sorted([float('inf'), 1e308, -1e308]))
