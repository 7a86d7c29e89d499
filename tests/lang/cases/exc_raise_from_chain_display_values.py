try:
    try:
        try:
            raise OSError('disk')
        except OSError as e1:
            raise ValueError('parse') from e1
    except ValueError as e2:
        raise RuntimeError('app')
except RuntimeError as e3:
    chain = []
    e = e3
    while e is not None:
        chain.append(type(e).__name__)
        e = e.__cause__ or e.__context__
    print(chain)
