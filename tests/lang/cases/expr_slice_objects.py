class Rec:
    def __getitem__(self, k):
        return k
r = Rec()
print(r[1], r[1:2], r[1:2:3], r[:, 1], r[..., None], r[::])
s = slice(2, None)
print(s.start, s.stop, s.step, s)
print('abcdef'[s])
print(slice(1, 2) == slice(1, 2), slice(1, 2) < slice(1, 3))
