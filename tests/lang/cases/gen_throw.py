def g():
    try:
        yield 1
        yield 2
    except ValueError as e:
        print('caught in gen:', e)
        yield 'recovered'
    yield 'after'
it = g()
print(next(it))
print(it.throw(ValueError('boom')))
print(next(it))
try:
    it.throw(KeyError('k'))
except KeyError as e:
    print('propagated', repr(e))
print(list(it))
