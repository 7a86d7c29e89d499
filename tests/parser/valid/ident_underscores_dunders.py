_ = 1
__ = 2
___ = 3
__name__
__init__ = None
_private = _protected_ = 1
x1_y2_z3 = 0
