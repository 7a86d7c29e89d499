x = 1
def f():
    y = 2
    return locals(), 'x' in globals()
print(f())
class C:
    def __init__(self): self.k = 'v'
print(vars(C()))
try:
    vars(5)
except TypeError as e:
    print('TypeError:', e)
