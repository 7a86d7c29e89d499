print('a,b,,c'.split(','), 'a,b,,c'.split(',', 1), '  a  b  '.split(), 'a b c'.split(None, 1))
print('a,b,c'.rsplit(',', 1), '  x  y '.rsplit(None, 1), ''.split(), ''.split(','))
print('l1\nl2\r\nl3\rl4\n'.splitlines(), 'x\ny\n'.splitlines(True), 'a\x0bb\x1cc\u2028d'.splitlines())
print('-'.join(['a', 'b', 'c']), ''.join([]), ', '.join(map(str, range(4))))
print('a=1'.partition('='), 'abc'.partition('x'), 'a=b=c'.rpartition('='), 'abc'.rpartition('x'))
try:
    'a'.split('')
except ValueError as e:
    print('ValueError:', e)
try:
    '-'.join([1, 2])
except TypeError as e:
    print('TypeError:', e)
