class A:
    def who(self):
        return __class__.__name__
    def sup(self):
        return super().__class__.__name__
class B(A):
    def who(self):
        return 'B>' + super().who()
print(A().who(), B().who(), B().sup())
print('__class__' in A.who.__code__.co_freevars)
