class Field:
    def __init__(self, label): self.label = label
    def __set_name__(self, owner, name):
        print('set_name', self.label, '->', owner.__name__ + '.' + name)
class Model:
    a = Field('first')
    b = Field('second')
    c = 'plain'
class Sub(Model):
    d = Field('third')
f = Field('late')
Model.e = f
print('no set_name for late assignment')
