class cached:
    def __init__(self, fn):
        self.fn = fn
        self.name = fn.__name__
    def __get__(self, obj, cls):
        if obj is None:
            return self
        print('computing', self.name)
        value = self.fn(obj)
        obj.__dict__[self.name] = value
        return value
class Data:
    @cached
    def total(self):
        return sum(range(100))
d = Data()
print(d.total, d.total, 'total' in d.__dict__)
