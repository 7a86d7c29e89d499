print(type(print).__name__, type(len).__name__)
print(callable(print), callable(1))
