def g():
    for i in range(5):
        try:
            if i == 2:
                raise ValueError(i)
            yield i
        except ValueError as e:
            yield 'err%s' % e
print(list(g()))
