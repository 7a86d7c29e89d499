class C:
    def __init__(self):
        self.a = 1
        self.b, self.c = 2, 3
        other.d = 4
    def m(self):
        self.e = 5
