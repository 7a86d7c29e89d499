def f():
    try:
        raise KeyError('orig')
    except KeyError:
        print('handling')
        raise
try:
    f()
except KeyError as e:
    print('re-raised', repr(e))
try:
    raise
except RuntimeError as e:
    print('RuntimeError:', e)
