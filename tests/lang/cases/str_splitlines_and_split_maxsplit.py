s = 'a b  c   d'
print(s.split(' '), s.split(None, 2), s.rsplit(' ', 2), s.split(maxsplit=1))
print('1,2,3'.split(',', maxsplit=0), 'x'.split('x'), 'xax'.split('x'))
