import sys
seen = []
def hook(u):
    seen.append((u.exc_type.__name__, str(u.exc_value), type(u.object).__name__))
old = sys.unraisablehook
sys.unraisablehook = hook
class D:
    def __del__(self):
        raise ValueError('in del')
d = D()
del d
print('after del')
sys.unraisablehook = old
print(seen)
