# Each itertools function against the pure-Python equivalent from the
# documentation, over many small inputs made by a linear congruential
# generator (no random module needed).
import itertools as it

state = 12345
def rnd(n):
    global state
    state = (state * 1103515245 + 12345) % (2 ** 31)
    return state % n

def py_product(*args, repeat=1):
    pools = [tuple(pool) for pool in args] * repeat
    result = [[]]
    for pool in pools:
        result = [x + [y] for x in result for y in pool]
    for prod in result:
        yield tuple(prod)

def py_permutations(iterable, r=None):
    pool = tuple(iterable)
    n = len(pool)
    r = n if r is None else r
    for indices in py_product(range(n), repeat=r):
        if len(set(indices)) == r:
            yield tuple(pool[i] for i in indices)

def py_combinations(iterable, r):
    pool = tuple(iterable)
    n = len(pool)
    for indices in py_permutations(range(n), r):
        if sorted(indices) == list(indices):
            yield tuple(pool[i] for i in indices)

def py_cwr(iterable, r):
    pool = tuple(iterable)
    n = len(pool)
    for indices in py_product(range(n), repeat=r):
        if sorted(indices) == list(indices):
            yield tuple(pool[i] for i in indices)

def py_islice(iterable, *args):
    s = slice(*args)
    start, stop, step = s.start or 0, s.stop, s.step or 1
    seq = list(iterable)
    stop = len(seq) if stop is None else stop
    return seq[start:stop:step]

def py_accumulate(iterable, func=None, initial=None):
    out = []
    total = initial
    if initial is not None:
        out.append(total)
    for x in iterable:
        if total is None:
            total = x
        else:
            total = func(total, x) if func else total + x
        out.append(total)
    return out

def py_groupby(data, key):
    out = []
    for x in data:
        k = key(x)
        if out and out[-1][0] == k:
            out[-1][1].append(x)
        else:
            out.append((k, [x]))
    return out

def py_batched(data, n):
    data = list(data)
    return [tuple(data[i:i + n]) for i in range(0, len(data), n)]

checks = 0
for trial in range(300):
    data = [rnd(5) for _ in range(rnd(7))]
    r = rnd(5)
    assert list(it.product(data, data[:2])) == list(py_product(data, data[:2]))
    assert list(it.product(data[:3], repeat=r % 3)) == list(py_product(data[:3], repeat=r % 3))
    assert list(it.permutations(data, r)) == list(py_permutations(data, r))
    assert list(it.permutations(data[:4])) == list(py_permutations(data[:4]))
    assert list(it.combinations(data, r)) == list(py_combinations(data, r))
    assert list(it.combinations_with_replacement(data[:4], r)) == list(py_cwr(data[:4], r))
    args = (rnd(8),) if rnd(2) else (rnd(5), rnd(9), rnd(3) + 1)
    assert list(it.islice(data, *args)) == py_islice(data, *args), (data, args)
    assert list(it.islice(iter(data), *args)) == py_islice(data, *args)
    assert list(it.accumulate(data)) == py_accumulate(data)
    assert list(it.accumulate(data, max, initial=r)) == py_accumulate(data, max, r)
    assert [(k, list(g)) for k, g in it.groupby(data, key=lambda v: v % 2)] == py_groupby(data, lambda v: v % 2)
    assert list(it.batched(data, r + 1)) == py_batched(data, r + 1)
    assert list(it.pairwise(data)) == list(zip(data, data[1:]))
    sel = [rnd(2) for _ in range(rnd(8))]
    assert list(it.compress(data, sel)) == [d for d, s in zip(data, sel) if s]
    assert list(it.takewhile(lambda v: v < 3, data)) == data[:next((i for i, v in enumerate(data) if v >= 3), len(data))]
    assert list(it.dropwhile(lambda v: v < 3, data)) == data[next((i for i, v in enumerate(data) if v >= 3), len(data)):]
    assert list(it.filterfalse(lambda v: v % 2, data)) == [v for v in data if not v % 2]
    other = data[::-1][:rnd(6)]
    assert list(it.zip_longest(data, other, fillvalue=-1)) == [
        (data[i] if i < len(data) else -1, other[i] if i < len(other) else -1)
        for i in range(max(len(data), len(other)))]
    n = rnd(4)
    tees = it.tee(iter(data), n)
    outs = [[] for _ in range(n)]
    for step in range(len(data) * n + n):
        k = rnd(n) if n else 0
        if n:
            v = next(tees[k], None)
            if v is not None:
                outs[k].append(v)
    for t, o in zip(tees, outs):
        o.extend(t)
        assert o == data
    assert list(it.chain(data, other)) == data + other
    assert list(it.islice(it.cycle(data), 20)) == (data * 20)[:20] if data else True
    checks += 1
print("trials", checks)
