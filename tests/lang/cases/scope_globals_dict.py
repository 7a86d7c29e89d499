gv = 42
print(globals()['gv'])
globals()['newname'] = 'created'
print(newname)
print('gv' in globals(), '__name__' in globals(), __name__)
def f():
    return globals() is g()
def g():
    return globals()
print(f())
