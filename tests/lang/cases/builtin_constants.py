print(None, True, False, ..., NotImplemented, __debug__)
print(type(None).__name__, type(NotImplemented).__name__, type(...).__name__)
print(type(None)(), bool(NotImplemented) if False else 'skip')
