s = 'abracadabra'
print(s.find('a'), s.find('a', 1), s.find('bra', 2, 20), s.find('z'), s.rfind('a'), s.rfind('bra'))
print(s.index('c'), s.rindex('a', 0, 5), s.count('a'), s.count('bra'), s.count(''), s.count('a', 3, 8))
print(s.startswith('abr'), s.startswith(('x', 'ab')), s.endswith('bra'), s.endswith('a', 0, 4), s.startswith('', 20))
print(''.find(''), 'abc'.find('', 3), 'abc'.find('', 4))
