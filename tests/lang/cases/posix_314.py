# posix names new in 3.14: readinto (into a writable buffer) and
# _create_environ (a fresh bytes dict, for os.reload_environ).
import posix

base = '/tmp/adder_posix_314_%d' % posix.getpid()
fd = posix.open(base, posix.O_RDWR | posix.O_CREAT | posix.O_TRUNC, 0o600)
posix.write(fd, b'abcdefg')
posix.lseek(fd, 0, 0)
buf = bytearray(5)
print(posix.readinto(fd, buf), buf)
m = memoryview(bytearray(10))
print(posix.readinto(fd, m[2:]), bytes(m))
print(posix.readinto(fd, bytearray(3)))
try:
    posix.readinto(fd, b'immutable')
except TypeError as e:
    print(e)
posix.close(fd)
posix.unlink(base)
env = posix._create_environ()
print(type(env).__name__, all(type(k) is bytes and type(v) is bytes for k, v in env.items()))
print(env == posix._create_environ(), env is not posix._create_environ())
