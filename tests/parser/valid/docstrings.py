"""Module docstring.

Second paragraph.
"""
def f():
    """Function docstring."""
class C:
    '''Class docstring'''
    def m(self):
        r"""Raw docstring \n"""
b"not a docstring"
