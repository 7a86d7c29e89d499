def f():
    try:
        raise ValueError('first')
    finally:
        try:
            raise KeyError('second')
        except KeyError as e:
            print('context of second:', repr(e.__context__))
try:
    f()
except ValueError as e:
    print('outer got', repr(e))
