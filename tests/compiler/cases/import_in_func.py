def f():
    import os
    from sys import path
    return os, path
