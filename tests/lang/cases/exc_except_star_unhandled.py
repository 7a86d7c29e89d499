try:
    try:
        raise ExceptionGroup('outer', [ValueError('v'), OSError('o')])
    except* ValueError:
        print('handled ValueError part')
except ExceptionGroup as rest:
    print('rest:', repr(rest))
