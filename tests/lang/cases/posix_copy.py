# The fast-copy calls shutil and pathlib use (copy_file_range, sendfile)
# and the descriptor-level helpers around them: pipe2 flags, dup/dup2
# inheritability, blocking mode, fstatvfs, pread/pwrite offsets.
import posix

base = '/tmp/adder_posix_copy_%d' % posix.getpid()
data = bytes(range(256)) * 40
src = posix.open(base + '.src', posix.O_RDWR | posix.O_CREAT | posix.O_TRUNC, 0o600)
posix.write(src, data)
dst = posix.open(base + '.dst', posix.O_RDWR | posix.O_CREAT | posix.O_TRUNC, 0o600)

posix.lseek(src, 0, 0)
n = posix.copy_file_range(src, dst, 1000)
print(n, posix.lseek(src, 0, 1), posix.lseek(dst, 0, 1))
n2 = posix.copy_file_range(src, dst, 5000, offset_src=100, offset_dst=n)
print(n2, posix.lseek(src, 0, 1), posix.lseek(dst, 0, 1))
print(posix.pread(dst, 8, 1000) == data[100:108], posix.fstat(dst).st_size)

posix.ftruncate(dst, 0)
posix.lseek(dst, 0, 0)
posix.lseek(src, 0, 0)
total = 0
while True:
    k = posix.sendfile(dst, src, total, 4096)
    if not k:
        break
    total += k
print(total, posix.lseek(src, 0, 1), posix.fstat(dst).st_size)
posix.lseek(src, 10, 0)
print(posix.sendfile(dst, src, None, 6), posix.lseek(src, 0, 1))
print(posix.pread(dst, 6, total) == data[10:16])
try:
    posix.sendfile(dst, src, 0, -1)
except OSError as e:
    print(type(e).__name__, e.errno)
try:
    posix.copy_file_range(src, 9999, 10)
except OSError as e:
    print(type(e).__name__, e.errno)
print(posix.sendfile(out_fd=dst, in_fd=src, offset=0, count=0))

print(posix.pwrite(dst, b'XY', 3), posix.pread(dst, 6, 0))
st = posix.fstatvfs(dst)
print(type(st).__name__, len(st), st.f_bsize > 0, st == posix.statvfs(base + '.dst'), st.f_fsid == st.f_fsid)
posix.close(src)
posix.close(dst)

r, w = posix.pipe2(posix.O_NONBLOCK)
print(posix.get_blocking(r), posix.get_inheritable(r))
try:
    posix.read(r, 1)
except BlockingIOError as e:
    print('BlockingIOError', e.errno)
posix.set_blocking(r, True)
print(posix.get_blocking(r))
r2, w2 = posix.pipe2(0)
print(posix.get_inheritable(r2), posix.get_blocking(r2))
d = posix.dup(w)
print(posix.get_inheritable(d))
print(posix.dup2(w, d) == d, posix.get_inheritable(d))
print(posix.dup2(w, d, inheritable=False) == d, posix.get_inheritable(d))
posix.set_inheritable(d, True)
print(posix.get_inheritable(d))
for fd in (r, w, r2, w2, d):
    posix.close(fd)
posix.unlink(base + '.src')
posix.unlink(base + '.dst')
