d = {}
for k in ['one', 'two', 'three']:
    d[k] = len(k)
d['one'] = 100
del d['two']
d['two'] = 2
print(d)
ks = d.keys()
d['four'] = 4
print(ks, len(ks), 'four' in ks)
print(d.keys() & {'one', 'x'}, d.keys() | {'z'} >= {'one'}, d.items() & {('one', 100)})
print(list(reversed(d)), list(reversed(d.items()))[0], d.values().mapping is d if hasattr(d.values(), 'mapping') else '')
print({1: 'a'} == {1: 'a'}, {1: 'a', 2: 'b'} == {2: 'b', 1: 'a'}, dict(a=1) | {'b': 2})
e = {'a': 1}; e |= {'a': 2, 'c': 3}; print(e)
