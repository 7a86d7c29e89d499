x = None
print(x is None, x is not None, type(None) is type(x), ... is Ellipsis, NotImplemented is NotImplemented)
print(() is (), [] is not [])
