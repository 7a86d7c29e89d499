l = [1, 2, 3]
for f in [lambda: l.index(9), lambda: l.pop(10), lambda: [].pop(), lambda: l.remove(9), lambda: l[5],
          lambda: l.__setitem__(5, 0), lambda: l.insert(), lambda: l.sort(key=1), lambda: [1, 'a'].sort()]:
    try:
        f()
    except Exception as e:
        print(type(e).__name__ + ':', e)
