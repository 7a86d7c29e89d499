class Meta(type):
    def __new__(mcls, name, bases, ns, **kw):
        print('Meta.__new__', name, sorted(k for k in ns if not k.startswith('__')), kw)
        cls = super().__new__(mcls, name, bases, ns)
        cls.tag = kw.get('tag', 'none')
        return cls
    def __init__(cls, name, bases, ns, **kw):
        print('Meta.__init__', name)
        super().__init__(name, bases, ns)
    def __call__(cls, *a):
        print('Meta.__call__', cls.__name__, a)
        return super().__call__(*a)
class A(metaclass=Meta, tag='t1'):
    x = 1
    def __init__(self, v): self.v = v
class B(A):
    y = 2
a = A(5)
print(a.v, A.tag, B.tag, type(A).__name__, type(B).__name__, isinstance(A, Meta))
