print(callable(open), open.__name__)
