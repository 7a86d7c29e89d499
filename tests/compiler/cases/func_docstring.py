def f():
    """Docstring.

    More text here.
    """
    return 1

def g():
    pass
