class Meta(type):
    def describe(cls):
        return f'class {cls.__name__} with {sorted(k for k in cls.__dict__ if not k.startswith("__"))}'
    @property
    def upper_name(cls):
        return cls.__name__.upper()
    def __len__(cls):
        return 42
    def __repr__(cls):
        return f'<Meta class {cls.__name__}>'
class Thing(metaclass=Meta):
    a = 1
    def b(self): pass
print(Thing.describe(), Thing.upper_name, len(Thing), repr(Thing))
print(hasattr(Thing(), 'describe'))
