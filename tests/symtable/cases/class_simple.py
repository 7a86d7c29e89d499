class C(Base, metaclass=Meta):
    x = 1
    def m(self):
        return x
