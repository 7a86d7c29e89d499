class C:
    count = 0
    @classmethod
    def make(cls, *a):
        cls.count += 1
        return cls, a
    @staticmethod
    def util(x):
        return x * 2
class D(C): pass
print(C.make(1)[0].__name__, D.make()[0].__name__, C.count, D.count)
print(C.util(3), C().util(4), D.util(5))
print(type(C.__dict__['make']).__name__, type(C.__dict__['util']).__name__, C.__dict__['util'].__func__(6))
print(C.make.__self__.__name__, callable(C.__dict__['util']))
