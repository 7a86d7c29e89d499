import sys
def hook(u):
    print('unraisable:', u.exc_type.__name__, u.exc_value, file=sys.stderr)
sys.unraisablehook = hook
class Res:
    def __del__(self):
        raise RuntimeError('cleanup failed')
r = Res()
del r
sys.unraisablehook = sys.__unraisablehook__
print('program continues')
