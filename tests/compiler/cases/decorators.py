@dec
def f():
    pass

@a.b(1)
@c
class C:
    pass
