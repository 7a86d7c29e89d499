def f():
    pass
def g():
    ...
class E:
    pass
print(f(), g(), E.__name__)
print(..., Ellipsis is ..., type(...).__name__)
