try:
    undefined_variable
except NameError as e:
    print(e, '|', e.name)
def f():
    return also_missing
try:
    f()
except NameError as e:
    print(e.name)
