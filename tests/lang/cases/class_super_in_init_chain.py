class A:
    def __init__(self, **kw):
        print('A init', sorted(kw))
        super().__init__()
class B(A):
    def __init__(self, b=None, **kw):
        print('B init', b)
        super().__init__(**kw)
class C(A):
    def __init__(self, c=None, **kw):
        print('C init', c)
        super().__init__(**kw)
class D(B, C):
    def __init__(self, **kw):
        print('D init')
        super().__init__(**kw)
D(b=1, c=2, extra=3)
