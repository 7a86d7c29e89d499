# Instance-dict attribute loads and stores at one site over instances whose
# dicts differ (order of attributes, deleted keys, replaced __dict__, dict
# subclasses), classes that change under the cache, and sites that see
# several classes.


class A:
    def __init__(self, order):
        for name in order:
            setattr(self, name, name.upper())

    def get(self):
        return self.x

    def put(self, v):
        self.x = v


objs = [A('xyz'), A('zyx'), A('yxz'), A('x')]
for _ in range(3):
    print([o.get() for o in objs])
    for i, o in enumerate(objs):
        o.put(i)
print([o.get() for o in objs])

b = A('xyz')
del b.y
print(b.get(), sorted(vars(b)))
b.put(5)
print(b.get())
del b.x
try:
    b.get()
except AttributeError as e:
    print('AttributeError', e)
b.put(6)
print(b.get(), list(vars(b)))

c = A('')
c.__dict__ = {'x': 'replaced'}
print(c.get())
c.put('again')
print(c.__dict__)


class D(dict):
    def __getitem__(self, k):
        return 'never used by attribute lookup'


c.__dict__ = D(x='subclass dict')
print(c.get())
c.put('stored')
print(dict(c.__dict__), type(c.__dict__).__name__)

for o in objs:
    o.get()
A.x = property(lambda self: 'property wins')
print([o.get() for o in objs])
try:
    objs[0].put(1)
except AttributeError as e:
    print('AttributeError', e)
del A.x
print([o.get() for o in objs])


class B:
    def __init__(self, v):
        self.x = v


class C:
    __slots__ = ('x',)

    def __init__(self, v):
        self.x = v


def read(o):
    return o.x


def write(o, v):
    o.x = v


mixed = [B(1), C(2), A('x'), B(3), C(4)] * 20
for o in mixed:
    write(o, read(o) if not isinstance(read(o), str) else 0)
print(sum(read(o) for o in mixed))
for i, o in enumerate(mixed):
    write(o, i)
print(sum(read(o) for o in mixed), read(mixed[-1]), type(mixed[-1]).__name__)


class E:
    pass


es = [E() for _ in range(40)]
for i, e in enumerate(es):
    for j in range(i % 7):
        setattr(e, 'a%d' % j, j)
    e.last = i
print(sum(e.last for e in es), [len(vars(e)) for e in es[:8]])
for e in es:
    e.last += 1
print(sum(e.last for e in es))


class F:
    def __init__(self):
        self.v = 1

    def __setattr__(self, name, value):
        object.__setattr__(self, name, value * 10)


f = F()
print(f.v)
f.v = 2
print(f.v)
