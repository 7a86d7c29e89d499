def f(raise_it):
    try:
        print('try')
        if raise_it:
            raise ValueError('v')
    except ValueError as e:
        print('except', e)
    else:
        print('else')
    finally:
        print('finally')
    print('after')
f(False)
f(True)
