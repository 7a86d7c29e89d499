try:
    e = ValueError('bad value')
    e.add_note('first note')
    e.add_note('second note')
    raise e
except ValueError as err:
    print(err.__notes__)
try:
    ValueError().add_note(5)
except TypeError as e:
    print('TypeError:', e)
