class Registry:
    subclasses = []
    def __init_subclass__(cls, **kw):
        print('init_subclass', cls.__name__, 'fields so far', getattr(cls, 'fields', None))
        Registry.subclasses.append(cls.__name__)
class Track:
    def __set_name__(self, owner, name):
        print('set_name', owner.__name__, name)
        owner.fields = getattr(owner, 'fields', ()) + (name,)
class Model(Registry):
    a = Track()
    b = Track()
print(Model.fields, Registry.subclasses)
