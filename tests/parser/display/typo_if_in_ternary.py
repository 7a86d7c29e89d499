x = 1 iff y else 2
