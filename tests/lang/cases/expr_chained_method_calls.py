s = '  Hello, World  '
print(s.strip().lower().replace('world', 'there').split(', '))
print(' '.join(w.capitalize() for w in 'the quick brown fox'.split()).center(25, '*'))
