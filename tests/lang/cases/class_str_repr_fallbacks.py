class OnlyRepr:
    def __repr__(self): return 'R!'
class OnlyStr:
    def __str__(self): return 'S!'
print(str(OnlyRepr()), repr(OnlyRepr()), str(OnlyStr()), f'{OnlyRepr()}', [OnlyStr()][0].__str__())
print(repr(OnlyStr()).startswith('<__main__.OnlyStr object at'))
