class Color:
    _members = {}
    def __init__(self, name, value):
        self.name, self.value = name, value
        Color._members[name] = self
    def __repr__(self): return f'<Color.{self.name}: {self.value}>'
    @classmethod
    def __class_getitem__(cls, k): return cls._members[k]
RED = Color('RED', 1)
GREEN = Color('GREEN', 2)
print(Color['RED'], list(Color._members.values()))
