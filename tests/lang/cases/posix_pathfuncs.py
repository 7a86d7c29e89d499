# posixpath's accelerators: _path_normpath and _path_splitroot_ex on str,
# bytes and os.PathLike, with embedded NULs and surrogates.
import posix
class P:
    def __fspath__(self): return 'a//b/../c'
cases = ['', '.', '/', '//', '///', '////a', '//a/b', 'a/b/', 'a/./b', 'a/../b', '../a', '../../a/..', '/../a', '/..',
         'a/..', './', 'a//b///c', '/a/./b/../../c', 'x/../../y', '..', 'a\0b/../c', './/.', 'a/b/../..', '//..', '/./.']
for c in cases:
    print(repr(c), repr(posix._path_normpath(c)), repr(posix._path_normpath(c.encode())), posix._path_splitroot_ex(c),
          posix._path_splitroot_ex(c.encode()))
print(posix._path_normpath(P()), posix._path_splitroot_ex(P()))
for bad in [1, None]:
    for f in (posix._path_normpath, posix._path_splitroot_ex):
        try:
            f(bad)
        except TypeError as e:
            print(e)
try:
    posix._path_normpath(path='a/b/..')
    print('kw ok')
except TypeError as e:
    print(e)
print(posix._path_splitroot_ex(p='/x'))
for c in ['é/../x/ü/', '\udcff/a/..', '/\U0001f600//./b']:
    print(ascii(posix._path_normpath(c)), ascii(posix._path_splitroot_ex(c)))
