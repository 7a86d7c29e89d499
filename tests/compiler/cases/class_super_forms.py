class C(B):
    def m(self, x):
        super().m(x)
        super(C, self).m(x)
        return super().attr
