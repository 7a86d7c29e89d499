# The fd-relative walk that shutil.rmtree and os.fwalk do: scandir(fd),
# DirEntry tests without following links, open/stat/unlink/rmdir with
# dir_fd, samestat checks; plus what os.py derives from _have_functions.
import posix

base = '/tmp/adder_posix_fdtree_%d' % posix.getpid()
O_DIR = posix.O_RDONLY | posix.O_NONBLOCK | posix.O_DIRECTORY


def make(path, data=b''):
    fd = posix.open(path, posix.O_WRONLY | posix.O_CREAT | posix.O_EXCL, 0o644)
    posix.write(fd, data)
    posix.close(fd)


posix.mkdir(base)
posix.mkdir(base + '/a')
posix.mkdir(base + '/a/b')
make(base + '/a/b/f1', b'one')
make(base + '/a/f2', b'two!')
make(base + '/top')
posix.symlink('a', base + '/link_to_a')
posix.symlink(base + '/outside-missing', base + '/a/dangling')


def walk(dirfd, depth):
    with posix.scandir(dirfd) as it:
        entries = sorted(it, key=lambda e: e.name)
    for e in entries:
        isdir = e.is_dir(follow_symlinks=False)
        st = e.stat(follow_symlinks=False)
        print('  ' * depth + e.name, e.path == e.name, isdir, e.is_symlink(), st.st_size if e.is_file() else '-')
        if isdir:
            fd = posix.open(e.name, O_DIR, dir_fd=dirfd)
            try:
                orig = posix.stat(e.name, dir_fd=dirfd, follow_symlinks=False)
                now = posix.fstat(fd)
                print('  ' * depth + ' same', (orig.st_dev, orig.st_ino) == (now.st_dev, now.st_ino))
                walk(fd, depth + 1)
            finally:
                posix.close(fd)
            posix.rmdir(e.name, dir_fd=dirfd)
        else:
            posix.unlink(e.name, dir_fd=dirfd)


top = posix.open(base, O_DIR)
print(sorted(posix.listdir(top)))
walk(top, 0)
print(posix.listdir(top))
posix.close(top)
posix.rmdir(base)
try:
    posix.stat(base)
except FileNotFoundError as e:
    print('gone', e.errno, e.filename == base)

have = set(posix._have_functions)
supports_dir_fd = {n for n, h in [('open', 'HAVE_OPENAT'), ('stat', 'HAVE_FSTATAT'), ('unlink', 'HAVE_UNLINKAT'),
                                  ('rmdir', 'HAVE_UNLINKAT'), ('mkdir', 'HAVE_MKDIRAT'), ('rename', 'HAVE_RENAMEAT'),
                                  ('readlink', 'HAVE_READLINKAT'), ('symlink', 'HAVE_SYMLINKAT'),
                                  ('link', 'HAVE_LINKAT'), ('utime', 'HAVE_UTIMENSAT'), ('access', 'HAVE_FACCESSAT'),
                                  ('chmod', 'HAVE_FCHMODAT'), ('chown', 'HAVE_FCHOWNAT')] if h in have}
print(sorted(supports_dir_fd))
print('HAVE_FDOPENDIR' in have, 'HAVE_FCHDIR' in have, 'HAVE_FTRUNCATE' in have, 'HAVE_FUTIMENS' in have)
