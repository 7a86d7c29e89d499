class Fake:
    def __mro_entries__(self, bases):
        print('mro_entries called with', [type(b).__name__ for b in bases])
        return (Real,)
class Real:
    def hello(self): return 'hello from Real'
class C(Fake()):
    pass
print(C.__bases__, C.__orig_bases__[0].__class__.__name__, C().hello())
