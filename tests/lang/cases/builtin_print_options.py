print('a', 'b', sep='-', end='!\n')
print('no newline', end='')
print()
print(1, 2, 3, sep='')
print(*[1, 2, 3], sep=' | ')
print('x', sep=None, end=None)
print(None, True, 1.0)
try:
    print('x', sep=5)
except TypeError as e:
    print('TypeError:', e)
import sys
print('to stderr', file=sys.stderr)
print('flushed', flush=True)
