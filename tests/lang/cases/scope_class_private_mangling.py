class A:
    __secret = 1
    def get(self):
        return self.__secret
    def set_(self, v):
        self.__x = v
        return self.__dict__
class B(A):
    __secret = 2
    def getb(self):
        return self.__secret
b = B()
print(b.get(), b.getb(), sorted(k for k in B.__dict__ if 'secret' in k))
print(b.set_(5))
print(getattr(b, '_A__secret'))
