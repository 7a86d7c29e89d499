# posix file and directory calls on a private directory under /tmp:
# open/read/write/lseek/pread/pwrite, stat and stat_result, utime,
# listdir/scandir/DirEntry, links, renames, dir_fd forms, errors.
import posix

O = posix.O_RDONLY
base = '/tmp/adder_posix_files_%d' % posix.getpid()


def t(f):
    try:
        r = f()
        print(repr(r))
    except Exception as e:
        print(type(e).__name__, str(e).replace(base, 'BASE'))


posix.mkdir(base, 0o755)
posix.chdir(base)
print(posix.getcwd() == base, posix.getcwdb() == base.encode())

fd = posix.open('f.txt', posix.O_WRONLY | posix.O_CREAT | posix.O_TRUNC, 0o644)
print(posix.get_inheritable(fd), posix.get_blocking(fd))
print(posix.write(fd, b'hello world'), posix.write(fd, memoryview(b'!\n')))
print(posix.lseek(fd, 0, 1), posix.lseek(fd, 0, 2), posix.lseek(fd, 2, 0))
print(posix.pwrite(fd, b'HE', 0))
posix.fsync(fd)
posix.close(fd)
fd = posix.open('f.txt', O)
print(posix.read(fd, 5), posix.read(fd, 100), posix.read(fd, 100))
print(posix.pread(fd, 4, 6), posix.lseek(fd, 0, 1))
st = posix.fstat(fd)
posix.close(fd)
t(lambda: posix.read(fd, 1))
t(lambda: posix.close(fd))

# stat_result: tuple part, float and ns times, extra attributes.
st2 = posix.stat('f.txt')
print(st.st_size, st2.st_size, len(st2), type(st2).__name__, st2 == posix.lstat('f.txt'))
print(st2[6], st2[7] == st2.st_atime // 1, type(st2[8]).__name__, type(st2.st_mtime).__name__)
print(type(st2.st_mtime_ns).__name__, st2.st_mtime_ns // 10**9 == st2[8])
print(st2.st_blksize > 0, st2.st_blocks >= 0, st2.st_rdev, st2.st_nlink, st2.st_mode & 0o777 == 0o644 & ~posix.umask(0o022))
print(posix.stat_result(tuple(range(10))))
print(posix.stat_result(tuple(range(10))).st_mtime, posix.stat_result(tuple(range(10))).st_atime_ns)
t(lambda: posix.stat_result((1, 2)))

posix.utime('f.txt', (1000000000, 1200000000.5))
st = posix.stat('f.txt')
print(st.st_atime, st.st_mtime, st.st_mtime_ns, st[8])
posix.utime('f.txt', ns=(5 * 10**9 + 1, 7 * 10**9 + 3))
st = posix.stat('f.txt')
print(st.st_atime_ns, st.st_mtime_ns, st.st_mtime)
t(lambda: posix.utime('f.txt', (1, 2), ns=(1, 2)))
t(lambda: posix.utime('f.txt', [1, 2]))
t(lambda: posix.utime('f.txt', ns=5))

# directories, links, renames
posix.mkdir('d')
posix.mkdir(b'd/sub')
fd = posix.open('d/a', posix.O_WRONLY | posix.O_CREAT, 0o600)
posix.close(fd)
posix.symlink('a', 'd/link')
posix.symlink('missing', 'd/dangling')
posix.link('f.txt', 'd/hard')
print(sorted(posix.listdir('d')), sorted(posix.listdir(b'd')))
print(posix.readlink('d/link'), posix.readlink(b'd/link'), posix.stat('d/hard').st_nlink)
print(posix.stat('d/link').st_mode & 0o170000 == 0o100000, posix.lstat('d/link').st_mode & 0o170000 == 0o120000)
print(posix.stat('d/link', follow_symlinks=False) == posix.lstat('d/link'))
with posix.scandir('d') as it:
    entries = sorted(it, key=lambda e: e.name)
for e in entries:
    print(repr(e), e.name, e.path, e.is_dir(), e.is_file(), e.is_symlink(), e.is_dir(follow_symlinks=False),
          e.is_file(follow_symlinks=False), e.is_junction(), e.inode() == e.stat(follow_symlinks=False).st_ino)
print(posix.fspath(entries[0]), type(entries[0]).__name__)
t(lambda: entries[1].stat())
print(entries[2].stat().st_size == 0, entries[2].stat() is entries[2].stat())
for e in posix.scandir(b'd'):
    if e.name == b'sub':
        print(repr(e), e.path)
for e in posix.scandir():
    print(e.name, e.path)
it = posix.scandir('d')
next(it)
it.close()
t(lambda: next(it))
print([e.name for e in posix.scandir(base + '/d/sub')])

posix.rename('d/a', 'd/b')
posix.replace('f.txt', 'd/b')
print(sorted(posix.listdir('d')), posix.stat('d/b').st_size)
t(lambda: posix.rename('nope', 'nope2'))
t(lambda: posix.rename('nope', b'nope2'))
t(lambda: posix.mkdir('d'))
t(lambda: posix.rmdir('d'))
t(lambda: posix.unlink('nope'))
t(lambda: posix.stat('nope'))
t(lambda: posix.stat(b'nope'))
t(lambda: posix.open('nope', O))
t(lambda: posix.listdir('nope'))
t(lambda: posix.scandir('nope'))
t(lambda: posix.readlink('d/b'))
t(lambda: posix.symlink('x', 'd/link'))
t(lambda: posix.link('nope', 'x'))
t(lambda: posix.stat('a\0b'))
t(lambda: posix.open(b'a\0', O))
t(lambda: posix.stat(1.5))
t(lambda: posix.stat(None))
t(lambda: posix.listdir(1.5))
t(lambda: posix.mkdir(3))
t(lambda: posix.stat(99999))
t(lambda: posix.fstat(99999))
t(lambda: posix.lstat(3))


class P:
    def __fspath__(self):
        return 'd/b'


class Bad:
    def __fspath__(self):
        return 3


print(posix.fspath(P()), posix.stat(P()).st_size, posix.access(P(), posix.R_OK))
t(lambda: posix.fspath(Bad()))
t(lambda: posix.fspath(3))
t(lambda: posix.stat(Bad()))

# dir_fd forms
dfd = posix.open('d', O | posix.O_DIRECTORY)
print(posix.stat('b', dir_fd=dfd).st_size, sorted(posix.listdir(dfd)))
print(sorted(e.name for e in posix.scandir(dfd)), sorted(e.path for e in posix.scandir(dfd)))
posix.mkdir('new', dir_fd=dfd)
fd = posix.open('new/file', posix.O_WRONLY | posix.O_CREAT, dir_fd=dfd)
posix.close(fd)
posix.rename('new/file', 'new/file2', src_dir_fd=dfd, dst_dir_fd=dfd)
print(posix.readlink('link', dir_fd=dfd), posix.access('new/file2', posix.F_OK, dir_fd=dfd))
posix.utime('new/file2', ns=(10**9, 2 * 10**9), dir_fd=dfd)
print(posix.stat('new/file2', dir_fd=dfd).st_mtime)
posix.unlink('new/file2', dir_fd=dfd)
posix.rmdir('new', dir_fd=dfd)
print(posix.stat(dfd).st_mode & 0o170000 == 0o040000)
t(lambda: posix.stat(dfd, dir_fd=dfd))
t(lambda: posix.stat(dfd, follow_symlinks=False))
t(lambda: posix.stat('b', dir_fd='x'))
posix.chdir('/')
posix.fchdir(dfd)
print(posix.getcwd() == base + '/d')
posix.chdir(base)
posix.close(dfd)

# access, chmod, truncate
print(posix.access('d/b', posix.F_OK), posix.access('nope', posix.F_OK), posix.access('d/b', posix.R_OK | posix.W_OK))
posix.chmod('d/b', 0o600)
print(oct(posix.stat('d/b').st_mode & 0o777))
fd = posix.open('d/b', posix.O_RDWR)
posix.fchmod(fd, 0o640)
print(oct(posix.stat('d/b').st_mode & 0o777))
posix.ftruncate(fd, 3)
print(posix.fstat(fd).st_size)
posix.truncate('d/b', 1)
print(posix.fstat(fd).st_size, posix.read(fd, 10))
posix.close(fd)

# cleanup
for name in ['d/b', 'd/link', 'd/dangling', 'd/hard']:
    posix.unlink(name)
posix.rmdir('d/sub')
posix.rmdir('d')
posix.chdir('/')
posix.rmdir(base)
print(posix.access(base, posix.F_OK))
