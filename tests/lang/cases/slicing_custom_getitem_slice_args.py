class Show:
    def __getitem__(self, k):
        return k
s = Show()
print(s[1:2, 3], s[::2], s[:-1], s['a':'b'], s[1:2:3, ...])
