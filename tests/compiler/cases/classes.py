class A:
    x = 1
    def m(self):
        return self.x

class B(A, metaclass=M):
    def __init__(self):
        super().__init__()
        self.y = 2
        self.z = 3
    @property
    def p(self):
        return self.y
