def g():
    for i in range(3):
        try:
            try:
                yield i
                if i == 1:
                    raise KeyError(i)
            finally:
                print('inner finally', i)
        except KeyError as e:
            print('caught', repr(e))
print(list(g()))
