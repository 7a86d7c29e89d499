print(ascii('abc'), ascii('ñ'), ascii('\n'), ascii(1), ascii([1, 'ü']), repr('ñ'), repr([1, 'ü']))
