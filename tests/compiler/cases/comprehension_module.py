a = [x for x in range(3)]
b = x if 'x' in dir() else None
