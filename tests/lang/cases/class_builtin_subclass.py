class MyList(list):
    def __init__(self, *a):
        super().__init__(*a)
        self.tag = 'mine'
    def sum(self): return sum(self)
ml = MyList([1, 2, 3])
ml.append(4)
print(ml, ml.sum(), ml.tag, type(ml[1:]).__name__, type(ml + ml).__name__, isinstance(ml, list))
class MyDict(dict):
    def __setitem__(self, k, v):
        super().__setitem__(k.upper(), v)
md = MyDict(a=1)
md['b'] = 2
md.update(c=3)
print(md)
class MyInt(int):
    def __add__(self, o): return MyInt(int(self) + int(o) + 1000)
print(MyInt(1) + 1, 1 + MyInt(1), type(MyInt(5) * 2).__name__, MyInt(7) == 7)
