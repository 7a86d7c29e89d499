del a.__debug__
