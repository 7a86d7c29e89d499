# Extended attributes (what shutil and pathlib copy when present):
# setxattr/getxattr/listxattr/removexattr on paths and fds, flags, errors.
import posix

base = '/tmp/adder_posix_xattr_%d' % posix.getpid()
fd = posix.open(base, posix.O_RDWR | posix.O_CREAT, 0o600)
try:
    posix.setxattr(base, 'user.one', b'1')
    ok = True
except OSError as e:
    ok = False
    print('xattrs unsupported here', e.errno)
if ok:
    posix.setxattr(base, b'user.two', bytearray(b'22'), 0)
    posix.setxattr(fd, 'user.three', b'333', posix.XATTR_CREATE)
    print(sorted(posix.listxattr(base)), sorted(posix.listxattr(fd)))
    print(posix.getxattr(base, 'user.one'), posix.getxattr(fd, b'user.two'), posix.getxattr(base, 'user.three'))
    print(posix.getxattr(base, 'user.big') if False else len(posix.listxattr(base, follow_symlinks=False)))
    try:
        posix.setxattr(base, 'user.one', b'x', posix.XATTR_CREATE)
    except FileExistsError as e:
        print('FileExistsError', e.errno)
    try:
        posix.setxattr(base, 'user.nope', b'x', posix.XATTR_REPLACE)
    except OSError as e:
        print(type(e).__name__, e.errno, e.filename == base)
    posix.setxattr(base, 'user.one', b'one' * 100, posix.XATTR_REPLACE)
    print(len(posix.getxattr(base, 'user.one')))
    posix.removexattr(base, 'user.one')
    posix.removexattr(fd, 'user.two')
    print(posix.listxattr(base))
    try:
        posix.getxattr(base, 'user.one')
    except OSError as e:
        print(type(e).__name__, e.errno)
    try:
        posix.getxattr(fd, 'user.one', follow_symlinks=False)
    except ValueError as e:
        print(e)
    try:
        posix.getxattr(base, 'user.a\0b')
    except ValueError as e:
        print(e)
print(posix.XATTR_CREATE, posix.XATTR_REPLACE, posix.XATTR_SIZE_MAX)
posix.close(fd)
posix.unlink(base)
