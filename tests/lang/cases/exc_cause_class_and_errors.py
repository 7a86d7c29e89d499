try:
    raise ValueError from KeyError
except ValueError as e:
    print(repr(e.__cause__))
try:
    raise ValueError from 5
except TypeError as e:
    print('TypeError:', e)
try:
    raise 5
except TypeError as e:
    print('TypeError:', e)
