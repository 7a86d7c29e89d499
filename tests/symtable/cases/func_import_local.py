def f():
    import os
    from a import b as c
    return os, c
