try:
    try:
        raise ValueError('A')
    except ValueError as a:
        try:
            raise KeyError('B')
        except KeyError as b:
            raise a
except ValueError as e:
    print(repr(e), repr(e.__context__), e.__context__.__context__ is None)
