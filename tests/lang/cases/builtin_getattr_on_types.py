print(getattr(int, 'bit_length')(255), getattr(str, 'join')('-', 'ab'), getattr([], 'copy')())
