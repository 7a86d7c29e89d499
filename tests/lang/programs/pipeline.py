# A generator pipeline over a synthetic web-server log: every stage is a
# generator (some take values with send(), some use yield from, one is a
# coroutine sink driven by hand), with a deterministic pseudo-random source.

def lcg(seed):
    """A linear congruential generator: deterministic 'random' numbers."""
    state = seed
    while True:
        state = (state * 1103515245 + 12345) % 2 ** 31
        yield state


PATHS = ['/', '/index.html', '/api/users', '/api/orders', '/static/app.js', '/login', '/api/users/42']
METHODS = ['GET', 'GET', 'GET', 'POST', 'DELETE']
STATUSES = [200, 200, 200, 200, 301, 404, 500]


def log_lines(count, seed=7):
    gen = lcg(seed)
    rnd = (x >> 12 for x in gen)  # the low bits of an LCG are poor
    t = 1_700_000_000
    for i in range(count):
        t += next(rnd) % 50
        ip = '10.0.{}.{}'.format(next(rnd) % 4, next(rnd) % 16)
        method = METHODS[next(rnd) % len(METHODS)]
        path = PATHS[next(rnd) % len(PATHS)]
        status = STATUSES[next(rnd) % len(STATUSES)]
        size = next(rnd) % 5000
        ms = next(rnd) % 900 + 1
        if i % 37 == 36:
            yield f'corrupted line {i}'
            continue
        yield f'{t} {ip} "{method} {path}" {status} {size} {ms}ms'


class Record:
    __slots__ = ('t', 'ip', 'method', 'path', 'status', 'size', 'ms')

    def __init__(self, t, ip, method, path, status, size, ms):
        self.t, self.ip, self.method, self.path = t, ip, method, path
        self.status, self.size, self.ms = status, size, ms

    def __repr__(self):
        return f'Record({self.method} {self.path} {self.status} {self.ms}ms)'


def parse(lines, errors):
    for lineno, line in enumerate(lines, 1):
        try:
            t, ip, req_method, req_path, status, size, ms = line.split()
            yield Record(int(t), ip, req_method.strip('"'), req_path.strip('"'), int(status), int(size), int(ms.removesuffix('ms')))
        except ValueError as e:
            errors.append((lineno, str(e)))


def where(pred, items):
    for x in items:
        if pred(x):
            yield x


def window(items, size):
    buf = []
    for x in items:
        buf.append(x)
        if len(buf) == size:
            yield tuple(buf)
            buf.pop(0)


def chunked(items, n):
    chunk = []
    for x in items:
        chunk.append(x)
        if len(chunk) == n:
            yield chunk
            chunk = []
    if chunk:
        yield chunk


def running_stats():
    """Send numbers in; each send returns (count, mean, max) so far."""
    count, total, biggest = 0, 0, None
    result = None
    while True:
        value = yield result
        if value is None:
            return count, total
        count += 1
        total += value
        biggest = value if biggest is None or value > biggest else biggest
        result = (count, round(total / count, 2), biggest)


def tee_to(sink, items):
    for x in items:
        sink.send(x)
        yield x


def grouping_sink(results):
    """A coroutine sink: receives records, groups sizes by path."""
    try:
        while True:
            rec = yield
            results.setdefault(rec.path, []).append(rec.size)
    except GeneratorExit:
        results['<closed>'] = True


def flatten(nested):
    for x in nested:
        if isinstance(x, (list, tuple)):
            yield from flatten(x)
        else:
            yield x


def merge_sorted(*iterables):
    iters = [iter(it) for it in iterables]
    heads = []
    for idx, it in enumerate(iters):
        for v in it:
            heads.append([v, idx])
            break
    while heads:
        heads.sort()
        v, idx = heads[0]
        yield v
        for nxt in iters[idx]:
            heads[0][0] = nxt
            break
        else:
            heads.pop(0)


errors = []
records = list(parse(log_lines(300), errors))
print('records:', len(records), 'errors:', len(errors))
print('first errors:', errors[:2])
print(records[:3])

by_status = {}
for r in records:
    by_status[r.status] = by_status.get(r.status, 0) + 1
print('by status:', dict(sorted(by_status.items())))

slow_api = where(lambda r: r.path.startswith('/api') and r.ms > 700, records)
print('slow api calls:', [(r.method, r.path, r.ms) for r in slow_api][:5])

stats = running_stats()
next(stats)
last = None
for r in records:
    last = stats.send(r.ms)
print('latency stats:', last)
try:
    stats.send(None)
except StopIteration as e:
    print('stats finished:', e.value)

groups = {}
sink = grouping_sink(groups)
next(sink)
errs = list(tee_to(sink, where(lambda r: r.status >= 400, records)))
sink.close()
print('error records:', len(errs), 'closed flag:', groups.pop('<closed>'))
for path, sizes in sorted(groups.items()):
    print(f'  {path:<16} n={len(sizes):<3} avg={sum(sizes) / len(sizes):8.1f}')

bursts = 0
for a, b, c in window((r for r in records if r.status == 500), 3):
    if c.t - a.t < 600:
        bursts += 1
print('500 bursts (3 within 600s):', bursts)

for i, chunk in enumerate(chunked(records, 64)):
    total = sum(r.size for r in chunk)
    print(f'chunk {i}: {len(chunk)} records, {total} bytes, ips={len({r.ip for r in chunk})}')

print(list(flatten([1, [2, (3, [4, [5]])], [], 6])))
print(list(merge_sorted([1, 4, 9], [2, 3, 10], [], [0, 11])))

ips = {}
for r in records:
    ips[r.ip] = ips.get(r.ip, 0) + 1
top = sorted(ips.items(), key=lambda kv: (-kv[1], kv[0]))[:5]
print('top ips:', top)

lazy = (r.size for r in records)
print('lazy gen:', type(lazy).__name__, sum(lazy), sum(lazy))
pipeline = map(lambda r: r.ms, filter(lambda r: r.method == 'POST', records))
print('post latency total:', sum(pipeline))
print('zip pairs:', list(zip(range(3), (r.status for r in records))))
print('enumerate from 1:', [(i, r.method) for i, r in enumerate(records[:3], 1)])
print('any 500:', any(r.status == 500 for r in records), 'all sized:', all(r.size >= 0 for r in records))
