print(__name__, type(__builtins__).__name__ in ('module', 'dict'), '__doc__' in dir())
print(__doc__)
