print(type(memoryview(b'a')).__name__, object().__class__.__name__, object.__name__)
