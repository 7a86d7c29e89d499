def f(x):
    match x:
        case bool(b):
            return 'bool', b
        case int(i):
            return 'int', i
        case list([a, b]):
            return 'list2', a, b
        case dict({'k': v}):
            return 'dict k', v
        case tuple((a, *_)):
            return 'tuple first', a
        case bytes(b) | bytearray(b):
            return 'bytes-like', len(b)
    return 'none'
for v in [True, 3, [1, 2], {'k': 9}, (7, 8), b'xyz', bytearray(2), 1.5]:
    print(f(v))
