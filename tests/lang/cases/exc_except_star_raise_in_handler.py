try:
    try:
        raise ExceptionGroup('g', [ValueError('a')])
    except* ValueError:
        raise KeyError('from handler')
except ExceptionGroup as eg:
    print(repr(eg))
    print(repr(eg.exceptions[0].__context__))
