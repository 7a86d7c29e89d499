l = [1, 2]
l.append(l)
print(l, len(l))
d = {'a': 1}
d['self'] = d
print(d)
t = ([],)
t[0].append(t)
print(t)
