try:
    try:
        raise ValueError
    except 42:
        pass
except TypeError as e:
    print('TypeError:', e)
try:
    raise ValueError('x')
except (IndexError, (TypeError, ValueError)) as e:
    print('nested tuple catch', repr(e))
