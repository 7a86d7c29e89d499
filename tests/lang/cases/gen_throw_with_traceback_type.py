def g():
    try:
        yield
    except Exception as e:
        yield type(e).__name__ + ': ' + str(e)
it = g()
next(it)
print(it.throw(RuntimeError('typed')))
