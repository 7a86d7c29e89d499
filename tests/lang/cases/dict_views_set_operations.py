a = {'x': 1, 'y': 2, 'z': 3}
b = {'y': 20, 'w': 4}
print(sorted(a.keys() & b.keys()), sorted(a.keys() - b.keys()), sorted(a.keys() | b.keys()), sorted(a.keys() ^ b.keys()))
print(a.keys() == {'x', 'y', 'z'}, len(a.values()), 2 in a.values(), ('x', 1) in a.items())
print(a.keys().isdisjoint({'q'}), list(a.items())[0])
