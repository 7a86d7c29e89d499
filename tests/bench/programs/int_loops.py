# int_loops.py: small-integer arithmetic in tight loops.
def collatz_steps(limit):
    best = best_n = 0
    for n in range(1, limit):
        steps = 0
        while n != 1:
            n = n // 2 if n % 2 == 0 else 3 * n + 1
            steps += 1
        if steps > best:
            best, best_n = steps, n
    return best

def sieve(n):
    flags = [True] * (n + 1)
    count = 0
    for i in range(2, n + 1):
        if flags[i]:
            count += 1
            for j in range(i * i, n + 1, i):
                flags[j] = False
    return count

print(collatz_steps(60000), sieve(400000))
