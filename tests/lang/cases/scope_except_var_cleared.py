try:
    1 / 0
except ZeroDivisionError as err:
    print('caught', err)
try:
    err
except NameError as e:
    print('err unbound:', e)
def f():
    e = 'before'
    try:
        raise ValueError
    except ValueError as e:
        pass
    try:
        return e
    except UnboundLocalError as u:
        return 'unbound: ' + str(u)
print(f())
