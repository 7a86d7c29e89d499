print('{} {} {}'.format(1, 'a', [2]))
print('{0} {1} {0}'.format('x', 'y'))
print('{name} is {age}'.format(name='Ann', age=30))
print('{0[1]} {1[k]} {2.real}'.format([5, 6], {'k': 'v'}, 3j))
print('{:>6} {:*<4} {:^5}|'.format('r', 'l', 'c'))
print('{!r} {!s} {!a}'.format('q', 'q', 'ü'))
print('{0:{1}}|'.format('pad', 8))
print('{{}} {}'.format('braces'))
print('{:,.2f}'.format(1234567.891))
try:
    '{} {1}'.format(1, 2)
except ValueError as e:
    print('ValueError:', e)
try:
    '{}'.format()
except IndexError as e:
    print('IndexError:', e)
try:
    '{x}'.format()
except KeyError as e:
    print('KeyError:', e)
print('{a}{b}'.format_map({'a': 1, 'b': 2}))
