class C:
    def __init__(self):
        self.v = 1
c = C()
c.v += 10
print(c.v)
d = {'a': [1]}
d['a'] += [2]
d['a'][0] *= 100
print(d)
calls = []
def key():
    calls.append('key')
    return 'a'
d2 = {'a': 1}
d2[key()] += 1
print(d2, calls)
