print(max([1, 2.5, True]), min(['b', 'a'], key=str.upper), max({3: 'a', 7: 'b'}), min(range(5, 0, -1)))
print(max('hello', 'world'), min((1, 2), (1, 1)), max([[1, 2], [1, 2, 0]]))
