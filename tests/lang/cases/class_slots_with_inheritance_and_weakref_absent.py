class A:
    __slots__ = ('a',)
class B(A):
    __slots__ = ('b',)
obj = B()
obj.a, obj.b = 1, 2
print(obj.a, obj.b, B.__slots__, hasattr(obj, '__dict__'), sorted(k for k in dir(obj) if k in ('a', 'b')))
try:
    obj.c = 3
except AttributeError as e:
    print('AttributeError:', e)
