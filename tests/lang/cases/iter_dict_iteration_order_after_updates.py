d = {}
d['b'] = 1; d['a'] = 2; d['c'] = 3
d['b'] = 10
print(list(d), list(d.values()))
d.pop('a'); d['a'] = 0
print(list(d.items()))
