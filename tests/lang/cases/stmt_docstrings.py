def f():
    """Function doc."""
class C:
    """Class doc."""
    def m(self):
        'method doc'
print(f.__doc__, C.__doc__, C.m.__doc__, (lambda: 0).__doc__)
def g():
    x = 1
    """not a docstring"""
print(g.__doc__)
