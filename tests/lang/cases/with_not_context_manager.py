class NoExit:
    def __enter__(self): pass
for obj in [1, NoExit()]:
    try:
        with obj:
            pass
    except TypeError as e:
        print('TypeError:', e)
