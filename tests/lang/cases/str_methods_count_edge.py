print('aaa'.count('a', 1), 'aaa'.count('a', -1), 'abc'.count('', 1), ''.count(''), 'abab'.count('ab', 1, 3))
print('abc'.startswith(('b', 'a'), 0), 'abc'.endswith('bc', -2), 'hello'.find('l', -2), 'hello'.rfind('l', 0, 3))
