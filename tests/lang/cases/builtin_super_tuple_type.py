print(tuple(), tuple('ab'), type(1), type('x', (), {}).__name__)
try:
    type('x', 5, {})
except TypeError as e:
    print('TypeError:', e)
