class A:
    def f(self):
        def inner():
            return super().f()
        return inner
try:
    A().f()()
except RuntimeError as e:
    print('RuntimeError:', e)
def outside():
    return super()
try:
    outside()
except RuntimeError as e:
    print('RuntimeError:', e)
class B:
    def g(self):
        return super().missing
try:
    B().g()
except AttributeError as e:
    print('AttributeError:', e)
