class C:
    __x = 1
    def __m(self):
        return self.__x + __y
