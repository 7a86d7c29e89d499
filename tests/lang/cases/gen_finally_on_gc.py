def g():
    try:
        yield 1
    finally:
        print('finalized')
it = g()
next(it)
print('dropping')
del it
print('dropped')
