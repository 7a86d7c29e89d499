# bigints.py: arithmetic on large integers and their decimal conversion.
def factorial(n):
    r = 1
    for i in range(2, n + 1):
        r *= i
    return r

f = factorial(1500)
acc = 0
for k in range(12):
    g = factorial(6000 + k)
    acc += (g // factorial(5990)) % 1000003
p = pow(3, 20000, 10**40 + 7)
fib_a, fib_b = 0, 1
for _ in range(20000):
    fib_a, fib_b = fib_b, fib_a + fib_b
s = str(fib_a)
print(len(str(f)), p, len(s), s[:20], (f // fib_a) % 1000, acc)
