try:
    raise KeyError('solo')
except* KeyError as eg:
    print(type(eg).__name__, repr(eg.exceptions))
