class E(Exception):
    def __init__(self, a, b=2):
        self.a, self.b = a, b
e = E(1)
print(e.args, str(e), repr(e), e.a, e.b)
class F(Exception):
    def __init__(self, msg):
        super().__init__(msg, 'extra')
print(str(F('m')), F('m').args)
