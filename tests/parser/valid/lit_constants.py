None
True
False
...
__debug__
NotImplemented
