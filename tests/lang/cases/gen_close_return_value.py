def g():
    try:
        yield 1
    except GeneratorExit:
        return 'closing value'
it = g()
next(it)
print(it.close())
it2 = g()
print(it2.close())
