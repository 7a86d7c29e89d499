# The errno -> subclass mapping is checked only for an errno that maps to no
# subclass: errno numbers differ between platforms (the reference build is WebAssembly).
e = OSError(999, 'msg other')
print(type(e).__name__, e.errno, e.strerror, str(e))
e = FileNotFoundError(2, 'nf', 'file.txt')
print(type(e).__name__, e.errno, e.filename, str(e))
e = PermissionError(1, 'denied', 'a', None, 'b')
print(e.filename, e.filename2, str(e))
print(OSError('just one').errno, OSError('a', 'b', 'c', 'd', 'e', 'f').args)
print(IOError is OSError, EnvironmentError is OSError)
print(issubclass(FileNotFoundError, OSError), issubclass(ConnectionResetError, ConnectionError))
e = BlockingIOError(11, 'again', 5)
print(e.characters_written)
