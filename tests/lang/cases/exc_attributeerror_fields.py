class A:
    def __init__(self): self.value = 1
a = A()
try:
    a.valeu
except AttributeError as e:
    print(e, '|', e.name, e.obj is a)
try:
    len.foo
except AttributeError as e:
    print(e)
try:
    A.nope
except AttributeError as e:
    print(e)
try:
    (1).real = 2
except AttributeError as e:
    print(e)
