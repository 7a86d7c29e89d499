import sys
print(sys.exc_info(), sys.exception())
try:
    raise IndexError('idx')
except IndexError:
    t, v, tb = sys.exc_info()
    print(t.__name__, v, tb is not None, sys.exception() is v)
    try:
        raise KeyError
    except KeyError:
        print(sys.exception().__class__.__name__)
    print(sys.exception().__class__.__name__)
print(sys.exception())
