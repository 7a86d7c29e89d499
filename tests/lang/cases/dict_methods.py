d = {'b': 2, 'a': 1}
d['c'] = 3
print(d, list(d), list(d.keys()), list(d.values()), list(d.items()))
print(d.get('a'), d.get('z'), d.get('z', 0), d.setdefault('d', 4), d.setdefault('a', 100))
print(d.pop('b'), d.pop('zz', 'default'), d.popitem(), d)
d.update({'x': 9}, y=8)
d.update([('z', 7)])
print(d, len(d), 'x' in d, 9 in d)
print(dict.fromkeys('ab'), dict.fromkeys([1, 2], 0), d.copy() == d, d.copy() is d)
d.clear(); print(d)
