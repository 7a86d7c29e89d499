class Res:
    def __init__(self, n):
        self.n = n
    def __del__(self):
        print('del', self.n)
a = Res(1)
b = Res(2)
a = None
print('between')
del b
def f():
    r = Res(3)
    return 'returned'
print(f())
lst = [Res(4), Res(5)]
lst.clear()
print('end')
