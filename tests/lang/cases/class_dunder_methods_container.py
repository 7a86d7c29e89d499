class Seq:
    def __init__(self, n): self.n = n
    def __len__(self): return self.n
    def __getitem__(self, i):
        if isinstance(i, slice):
            return [self[j] for j in range(*i.indices(self.n))]
        if i < 0: i += self.n
        if not 0 <= i < self.n: raise IndexError('Seq index out of range')
        return i * i
    def __contains__(self, v):
        print('contains', v)
        return v in [i * i for i in range(self.n)]
s = Seq(5)
print(len(s), s[2], s[-1], s[1:4], list(s), 9 in s, 10 in s, list(reversed(s)))
class Store:
    def __init__(self): self.d = {}
    def __setitem__(self, k, v): self.d[k] = v
    def __delitem__(self, k): del self.d[k]
    def __getitem__(self, k): return self.d[k]
st = Store()
st['a'] = 1; st['b'] = 2; del st['a']
print(st.d, st['b'])
