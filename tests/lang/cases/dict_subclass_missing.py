class Default(dict):
    def __missing__(self, key):
        self[key] = v = key * 2
        return v
d = Default()
print(d['ab'], d, d.get('zz'), 'zz' in d)
class Counter(dict):
    def __missing__(self, key):
        return 0
c = Counter()
for ch in 'mississippi':
    c[ch] += 1
print(sorted(c.items()))
