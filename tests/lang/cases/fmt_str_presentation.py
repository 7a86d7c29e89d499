s = 'hello'
for spec in ['', 's', '10', '<10', '>10', '^10', '*^11', '.3', '10.2', '-^7', '=>8']:
    print(repr(spec), repr(format(s, spec)))
try:
    format('x', '=10')
except ValueError as e:
    print('ValueError:', e)
try:
    format('x', 'd')
except ValueError as e:
    print('ValueError:', e)
