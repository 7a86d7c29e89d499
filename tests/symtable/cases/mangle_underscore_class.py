class _C:
    __x = 1
class __:
    __y = 2
