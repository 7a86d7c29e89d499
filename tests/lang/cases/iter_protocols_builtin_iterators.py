for obj in [[1], (1,), 'a', {1: 2}, {1}, range(1), b'a', bytearray(b'a'), {1: 2}.items(), {1: 2}.values(), enumerate([]), zip(), map(str, []), filter(None, []), reversed([]), iter(lambda: 1, 1)]:
    it = iter(obj)
    print(type(it).__name__, iter(it) is it)
