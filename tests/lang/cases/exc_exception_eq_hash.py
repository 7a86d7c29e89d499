a = ValueError(1)
b = ValueError(1)
print(a == b, a == a, a.args == b.args)
print(isinstance(ValueError, type), issubclass(ValueError, Exception))
