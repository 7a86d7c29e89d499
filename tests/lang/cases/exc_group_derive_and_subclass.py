class MyGroup(ExceptionGroup):
    def derive(self, excs):
        return MyGroup(self.message + '+', excs)
g = MyGroup('mine', [ValueError(1), TypeError(2)])
m, r = g.split(ValueError)
print(type(m).__name__, m.message, type(r).__name__, r.message)
print(g.exceptions[0], type(g.exceptions).__name__)
