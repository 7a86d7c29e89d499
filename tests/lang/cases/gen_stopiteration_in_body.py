def g():
    yield 1
    raise StopIteration('inside')
try:
    list(g())
except RuntimeError as e:
    print('RuntimeError:', e, '| cause:', repr(e.__cause__))
