def len(x):
    return 'shadowed'
print(len([1, 2]))
del len
print(len([1, 2]))
def f():
    print = lambda *a: None
    print('invisible')
    return 'done'
print(f())
