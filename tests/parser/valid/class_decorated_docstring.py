@decorator
@other(arg)
class A(object):
    """Docstring."""
    x: int = 0
    @property
    def p(self):
        "doc"
        return 1
    @staticmethod
    def s(): pass
