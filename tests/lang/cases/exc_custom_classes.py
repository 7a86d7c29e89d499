class AppError(Exception):
    def __init__(self, code, msg):
        super().__init__(msg)
        self.code = code
    def __str__(self):
        return f'[{self.code}] {self.args[0]}'
class NotFound(AppError):
    pass
try:
    raise NotFound(404, 'missing')
except AppError as e:
    print(e, repr(e), e.code, isinstance(e, Exception))
class Plain(Exception): pass
print(repr(Plain('x', 'y')), str(Plain()))
