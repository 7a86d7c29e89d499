print(issubclass(GeneratorExit, Exception), issubclass(StopIteration, Exception), issubclass(SystemExit, Exception))
print(issubclass(KeyboardInterrupt, Exception), issubclass(Warning, Exception), issubclass(DeprecationWarning, Warning))
