class DataDesc:
    def __get__(self, o, t): return 'data descriptor'
    def __set__(self, o, v): print('DataDesc.__set__', v)
class NonData:
    def __get__(self, o, t): return 'non-data descriptor'
class C:
    d = DataDesc()
    n = NonData()
c = C()
c.__dict__['d'] = 'instance d'
c.__dict__['n'] = 'instance n'
print(c.d, c.n)
c.d = 5
print(C.n, C.__dict__['n'].__class__.__name__)
