class __X[__T: __B]:
    pass
