try:
    raise ExceptionGroup('g', [ValueError(1), TypeError(2), ValueError(3), KeyError(4)])
except* ValueError as eg:
    print('values', repr(eg))
except* TypeError as eg:
    print('types', repr(eg))
except* KeyError:
    print('keys')
print('done')
