d = dict.fromkeys('abcde')
print(d.popitem(), d.popitem(), list(d))
d['a'] = 'new'
del d['b']
d['b'] = 'back'
print(d)
