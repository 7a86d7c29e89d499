print(bool(), bool(3), callable(len), callable(lambda: 0), callable(object()), chr(8364), ord('€'))
