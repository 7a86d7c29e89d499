print(set([1, 1]), slice(3), sorted([3, 1]), str(12), str(), str(b'a', 'utf-8'))
