class OldSeq:
    def __getitem__(self, i):
        if i >= 3:
            raise IndexError
        return i * 10
print(list(OldSeq()), 20 in OldSeq(), iter(OldSeq()).__class__.__name__)
class NotIter:
    __iter__ = None
    def __getitem__(self, i): return i
try:
    iter(NotIter())
except TypeError as e:
    print('TypeError:', e)
