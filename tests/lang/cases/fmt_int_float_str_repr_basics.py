print(str(1), repr(1), str(-0), str(10**20), repr(1.0), str(0.1), repr(1e100), repr(1e-5))
print(str(1/3), repr(2/3), 1e16, 1e15, 123456789012345.0, 0.1 + 0.2)
print(repr('q'), repr("'"), repr('"'), repr('\'"'), repr('\\'), repr('\x7f\x80\xa0\u2028'))
print(ascii('ü€😀'), ascii(['é']))
