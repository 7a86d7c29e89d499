def f():
    try:
        pass
    except Exception:
        print('no')
    else:
        raise ValueError('from else')
    finally:
        print('finally still runs')
try:
    f()
except ValueError as e:
    print(repr(e), e.__context__)
