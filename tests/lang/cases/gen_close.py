def g():
    try:
        yield 1
        yield 2
    finally:
        print('cleanup')
it = g()
print(next(it))
it.close()
print('closed')
it.close()
try:
    next(it)
except StopIteration:
    print('exhausted after close')
def bad():
    try:
        yield 1
    except GeneratorExit:
        yield 'not allowed'
b = bad()
next(b)
try:
    b.close()
except RuntimeError as e:
    print('RuntimeError:', e)
