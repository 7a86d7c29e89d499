for cls in [ZeroDivisionError, KeyError, FileNotFoundError, UnicodeDecodeError, RecursionError,
            ModuleNotFoundError, NotImplementedError, StopAsyncIteration, TimeoutError, KeyboardInterrupt,
            UnboundLocalError, TabError, BrokenPipeError, PythonFinalizationError]:
    print(cls.__name__, [c.__name__ for c in cls.__mro__[1:]])
