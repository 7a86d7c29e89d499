print(callable(breakpoint), callable(__import__))
