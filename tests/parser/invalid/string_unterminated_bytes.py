b = b"abc
