keys = ['b', 'a', 'c']
d = dict.fromkeys(keys, 0)
print(list(d), [*d], {**d, 'a': 9})
print(sorted({*'hello'}))
