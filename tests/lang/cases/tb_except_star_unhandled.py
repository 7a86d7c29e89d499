try:
    raise ExceptionGroup('batch', [ValueError('a'), OSError('b')])
except* ValueError:
    print('handled the ValueError')
