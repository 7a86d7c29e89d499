print(isinstance(1.0, (int, float)), isinstance(True, bool), type(True) is bool, isinstance([], (list, tuple)))
