def g():
    yield 1
it = g()
print(it.gi_running, it.gi_frame is not None)
next(it)
print(it.gi_suspended if hasattr(it, 'gi_suspended') else '-')
try:
    next(it)
except StopIteration:
    pass
print(it.gi_frame)
print(it.__name__, it.__qualname__)
