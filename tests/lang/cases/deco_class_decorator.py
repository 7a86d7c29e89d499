registry = []
def register(cls):
    registry.append(cls.__name__)
    cls.registered = True
    return cls
@register
class A: pass
@register
class B: pass
print(registry, A.registered)
def add_repr(cls):
    cls.__repr__ = lambda self: f'{cls.__name__}({self.__dict__})'
    return cls
@add_repr
class P:
    def __init__(self): self.x = 1
print(P())
