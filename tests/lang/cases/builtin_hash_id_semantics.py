print(hash(1) == hash(1.0) == hash(True), hash('a') == hash('a'), hash((1, 'a')) == hash((1, 'a')))
print(hash(-1), hash(0), hash(10 ** 6), hash(None) == hash(None))
a = []
print(id(a) == id(a), id([]) is not None, type(id(a)).__name__)
