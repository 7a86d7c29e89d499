# Recursive solvers with memoization: n-queens (counting and first solution),
# a sudoku solver with constraint propagation and backtracking, coin change and
# edit distance with a hand-written memoize decorator, and the number of
# partitions with an explicit cache dictionary.

def memoize(fn):
    cache = {}
    hits = [0]

    def wrapper(*args):
        if args in cache:
            hits[0] += 1
            return cache[args]
        result = fn(*args)
        cache[args] = result
        return result
    wrapper.cache = cache
    wrapper.hits = hits
    wrapper.__name__ = fn.__name__
    return wrapper


def queens(n):
    solutions = []
    count = 0

    def place(row, cols, diag1, diag2, board):
        nonlocal count
        if row == n:
            count += 1
            if not solutions:
                solutions.append(list(board))
            return
        for c in range(n):
            if c in cols or (row - c) in diag1 or (row + c) in diag2:
                continue
            board.append(c)
            place(row + 1, cols | {c}, diag1 | {row - c}, diag2 | {row + c}, board)
            board.pop()
    place(0, frozenset(), frozenset(), frozenset(), [])
    return count, solutions[0] if solutions else None


for n in range(1, 9):
    count, first = queens(n)
    print(f'{n}-queens: {count} solutions, first {first}')

count, first = queens(6)
for c in first:
    print(' '.join('Q' if i == c else '.' for i in range(6)))


@memoize
def count_bitmask_queens(n, row, cols, d1, d2):
    if row == n:
        return 1
    total = 0
    free = ~(cols | d1 | d2) & ((1 << n) - 1)
    while free:
        bit = free & -free
        free ^= bit
        total += count_bitmask_queens(n, row + 1, cols | bit, ((d1 | bit) << 1) & ((1 << n) - 1), (d2 | bit) >> 1)
    return total


print('bitmask 10-queens:', count_bitmask_queens(10, 0, 0, 0, 0), 'cache size:', len(count_bitmask_queens.cache))

PUZZLE = '''
53..7....
6..195...
.98....6.
8...6...3
4..8.3..1
7...2...6
.6....28.
...419..5
....8..79
'''


class Sudoku:
    DIGITS = '123456789'

    def __init__(self, text):
        rows = [line for line in text.split() if line]
        self.cells = {(r, c): ch for r, row in enumerate(rows) for c, ch in enumerate(row)}
        self.units = {}
        for r in range(9):
            for c in range(9):
                box = [(br, bc) for br in range(r // 3 * 3, r // 3 * 3 + 3) for bc in range(c // 3 * 3, c // 3 * 3 + 3)]
                self.units[r, c] = set([(r, k) for k in range(9)] + [(k, c) for k in range(9)] + box) - {(r, c)}
        self.guesses = 0

    def candidates(self, grid, pos):
        used = {grid[p] for p in self.units[pos]}
        return [d for d in self.DIGITS if d not in used]

    def solve(self, grid=None):
        grid = dict(self.cells if grid is None else grid)
        while True:  # propagate forced cells
            progress = False
            for pos, v in grid.items():
                if v == '.':
                    cands = self.candidates(grid, pos)
                    if not cands:
                        return None
                    if len(cands) == 1:
                        grid[pos] = cands[0]
                        progress = True
            if not progress:
                break
        empty = [p for p, v in grid.items() if v == '.']
        if not empty:
            return grid
        pos = min(empty, key=lambda p: (len(self.candidates(grid, p)), p))
        for d in self.candidates(grid, pos):
            self.guesses += 1
            grid2 = dict(grid)
            grid2[pos] = d
            result = self.solve(grid2)
            if result:
                return result
        return None

    @staticmethod
    def show(grid):
        lines = []
        for r in range(9):
            row = ''.join(grid[r, c] for c in range(9))
            lines.append(' '.join(row[i:i + 3] for i in (0, 3, 6)))
            if r in (2, 5):
                lines.append('-' * 11)
        return '\n'.join(lines)


s = Sudoku(PUZZLE)
solved = s.solve()
print(Sudoku.show(solved))
print('guesses:', s.guesses)
ok = all(sorted(solved[r, c] for c in range(9)) == list(Sudoku.DIGITS) for r in range(9))
print('rows valid:', ok)

HARD = '''
4.....8.5.3..........7......2.....6.....8.4......1.......6.3.7.5..2.....1.4......
'''.strip()
hard_rows = '\n'.join(HARD[i:i + 9] for i in range(0, 81, 9))
s2 = Sudoku(hard_rows)
res = s2.solve()
print('hard puzzle solved:', res is not None)
if res:
    print(''.join(res[r, c] for r in range(9) for c in range(9)))


@memoize
def coin_change(amount, coins):
    if amount == 0:
        return 1
    if amount < 0 or not coins:
        return 0
    return coin_change(amount - coins[0], coins) + coin_change(amount, coins[1:])


print('ways to make 100:', coin_change(100, (1, 5, 10, 25, 50)))
print('ways to make 300:', coin_change(300, (1, 2, 5, 10, 20, 50, 100, 200)))
print('memo hits:', coin_change.hits[0] > 0, 'entries:', len(coin_change.cache))


def edit_distance(a, b):
    @memoize
    def d(i, j):
        if i == 0:
            return j
        if j == 0:
            return i
        if a[i - 1] == b[j - 1]:
            return d(i - 1, j - 1)
        return 1 + min(d(i - 1, j), d(i, j - 1), d(i - 1, j - 1))
    return d(len(a), len(b))


for a, b in [('kitten', 'sitting'), ('flaw', 'lawn'), ('intention', 'execution'), ('', 'abc'), ('same', 'same')]:
    print(f'edit({a!r}, {b!r}) = {edit_distance(a, b)}')

_partitions = {}


def partitions(n, k=None):
    if k is None:
        k = n
    if n == 0:
        return 1
    if n < 0 or k == 0:
        return 0
    key = (n, k)
    if key not in _partitions:
        _partitions[key] = partitions(n - k, k) + partitions(n, k - 1)
    return _partitions[key]


print('partitions:', [partitions(n) for n in range(1, 16)])
print('p(100) =', partitions(100))


@memoize
def collatz_len(n):
    if n == 1:
        return 1
    return 1 + collatz_len(n // 2 if n % 2 == 0 else 3 * n + 1)


best = max(range(1, 3000), key=collatz_len)
print('longest collatz under 3000:', best, collatz_len(best))


def permutations(items):
    if len(items) <= 1:
        yield tuple(items)
        return
    for i, x in enumerate(items):
        for rest in permutations(items[:i] + items[i + 1:]):
            yield (x,) + rest


perms = list(permutations([1, 2, 3, 4]))
print(len(perms), perms[:3], perms[-1])


def subsets_summing_to(nums, target):
    out = []

    def go(i, chosen, total):
        if total == target:
            out.append(tuple(chosen))
        if i == len(nums) or total >= target:
            return
        for j in range(i, len(nums)):
            if j > i and nums[j] == nums[j - 1]:
                continue
            chosen.append(nums[j])
            go(j + 1, chosen, total + nums[j])
            chosen.pop()
    go(0, [], 0)
    return out


print(subsets_summing_to(sorted([10, 1, 2, 7, 6, 1, 5]), 8))
