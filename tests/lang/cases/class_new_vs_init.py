class Single:
    _inst = None
    def __new__(cls, *a):
        print('__new__', a)
        if cls._inst is None:
            cls._inst = super().__new__(cls)
        return cls._inst
    def __init__(self, v):
        print('__init__', v)
        self.v = v
a = Single(1)
b = Single(2)
print(a is b, a.v)
class NotMine:
    def __new__(cls): return 42
    def __init__(self): print('never called')
print(NotMine())
class BadInit:
    def __init__(self): return 5
try:
    BadInit()
except TypeError as e:
    print('TypeError:', e)
