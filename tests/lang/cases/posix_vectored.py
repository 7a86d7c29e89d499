# preadv/pwritev with offsets and RWF_* flags; CLONE_* constants; setns errors.
import posix
base = '/tmp/adder_posix_preadv_%d' % posix.getpid()
fd = posix.open(base, posix.O_RDWR | posix.O_CREAT | posix.O_TRUNC, 0o600)
print(posix.pwritev(fd, [b'hello ', memoryview(b'world'), bytearray(b'!')], 2))
print(posix.pwritev(fd, [b'XY'], 0, posix.RWF_DSYNC))
bufs = [bytearray(3), bytearray(4), bytearray(20)]
print(posix.preadv(fd, bufs, 1), bufs)
print(posix.preadv(fd, [bytearray(2)], 100), posix.lseek(fd, 0, 1))
try:
    posix.preadv(fd, [b'ro'], 0)
except Exception as e:
    print(type(e).__name__, e)
try:
    posix.preadv(fd, [bytearray(1)])
except TypeError as e:
    print(e)
posix.close(fd)
posix.unlink(base)
print(posix.RWF_DSYNC, posix.RWF_HIPRI, posix.RWF_SYNC, posix.RWF_NOWAIT, posix.RWF_APPEND, posix.CLONE_NEWUSER, posix.CLONE_VM)
try:
    posix.setns(99)
except OSError as e:
    print(e)
