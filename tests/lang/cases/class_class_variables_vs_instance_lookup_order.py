class A:
    x = 'class A'
class B(A):
    pass
b = B()
print(b.x)
A.x = 'changed on A'
print(b.x)
B.x = 'set on B'
print(b.x, A.x)
b.x = 'instance'
print(b.x)
del b.x
print(b.x)
