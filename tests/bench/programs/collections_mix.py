# collections_mix.py: the native containers and caches user code leans on:
# deque (BFS, sliding window), defaultdict (grouping, counting), an lru cache
# (memoised recursion, bounded and unbounded), heapq (Dijkstra, top-k),
# bisect (sorted insertion) and partial calls. Uses the native modules
# directly so it runs before the stdlib packages import.
from _collections import deque, defaultdict
from _functools import _lru_cache_wrapper, partial, reduce
from _heapq import heappush, heappop, heapify, heappushpop
from _bisect import insort_right as insort, bisect_left

def info(*a):
    return a

# BFS on a grid with walls.
N = 140
wall = [[(x * 7 + y * 13) % 11 == 0 and x % 5 != 0 for x in range(N)] for y in range(N)]
def bfs(sx, sy):
    dist = {(sx, sy): 0}
    q = deque([(sx, sy)])
    pop, push = q.popleft, q.append
    while q:
        x, y = pop()
        d = dist[(x, y)] + 1
        for nx, ny in ((x + 1, y), (x - 1, y), (x, y + 1), (x, y - 1)):
            if 0 <= nx < N and 0 <= ny < N and not wall[ny][nx] and (nx, ny) not in dist:
                dist[(nx, ny)] = d
                push((nx, ny))
    return len(dist), max(dist.values())
r_bfs = [bfs(0, 0), bfs(N - 1, N - 1)]

# Sliding-window maximum with a deque of indices.
vals = [(i * 2654435761) % 1000 for i in range(200000)]
def window_max(k):
    dq = deque()
    total = 0
    for i, v in enumerate(vals):
        while dq and vals[dq[-1]] <= v:
            dq.pop()
        dq.append(i)
        if dq[0] <= i - k:
            dq.popleft()
        if i >= k - 1:
            total += vals[dq[0]]
    return total
r_win = window_max(50)
ring = deque(range(1000), maxlen=1000)
for i in range(100000):
    ring.append(i)
    if i % 100 == 0:
        ring.rotate(7)
r_ring = sum(ring)

# Grouping and counting with defaultdict.
groups = defaultdict(list)
counts = defaultdict(int)
for i in range(200000):
    key = (i * 31) % 997
    groups[key].append(i)
    counts[key % 10] += 1
r_dd = (len(groups), sum(len(v) for v in groups.values()), sorted(counts.items())[:3])

# Memoised recursion.
def ways(n, k):
    if n == 0:
        return 1
    if n < 0 or k == 0:
        return 0
    return ways(n - k, k) + ways(n, k - 1)
ways = _lru_cache_wrapper(ways, None, False, info)
r_ways = ways(400, 400)
def collatz(n):
    return 0 if n == 1 else 1 + collatz(n // 2 if n % 2 == 0 else 3 * n + 1)
collatz = _lru_cache_wrapper(collatz, 4096, False, info)
r_col = max(collatz(i) for i in range(1, 60000))
r_info = (ways.cache_info(), collatz.cache_info()[:2])

# Dijkstra on a generated graph, and a top-k with heappushpop.
V = 6000
adj = [[((u * 17 + j * 101) % V, (u + j) % 23 + 1) for j in range(6)] for u in range(V)]
def dijkstra(src):
    dist = [1 << 60] * V
    dist[src] = 0
    h = [(0, src)]
    while h:
        d, u = heappop(h)
        if d > dist[u]:
            continue
        for v, w in adj[u]:
            nd = d + w
            if nd < dist[v]:
                dist[v] = nd
                heappush(h, (nd, v))
    return sum(x for x in dist if x < 1 << 60)
r_dij = dijkstra(0)
top = [0] * 100
heapify(top)
for v in vals:
    heappushpop(top, v)
r_top = sum(top)

# Sorted insertion and partial calls.
srt = []
for v in vals[:20000]:
    insort(srt, v)
r_bis = (srt[::5000], bisect_left(srt, 500))
add3 = partial(lambda a, b, c: a + b + c, 1, c=3)
r_par = reduce(lambda acc, i: acc + add3(i), range(100000), 0)

print(r_bfs, r_win, r_ring, r_dd, r_ways, r_col, r_info, r_dij, r_top, r_bis, r_par)
