s = 'needle in haystack'
print('needle' in s, s.index('hay'), s.find('stack'), s.rindex('a'))
try:
    s.index('pin')
except ValueError as e:
    print('ValueError:', e)
try:
    s.rindex('pin')
except ValueError as e:
    print('ValueError:', e)
