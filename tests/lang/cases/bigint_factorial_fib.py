def fact(n):
    r = 1
    for i in range(2, n + 1):
        r *= i
    return r
f = fact(100)
print(f)
print(len(str(fact(500))), str(fact(300))[-80:])
a, b = 0, 1
for _ in range(500):
    a, b = b, a + b
print(a)
print(sum(int(c) for c in str(2 ** 1000)))
