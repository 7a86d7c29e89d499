print(repr(int), repr(len), repr(None), repr(...), repr(type), repr(object))
print(str(int), [int, str], {1: float})
