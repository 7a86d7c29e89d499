def egcd(a, b):
    if b == 0:
        return a, 1, 0
    g, x, y = egcd(b, a % b)
    return g, y, x - (a // b) * y
a, b = 2 ** 89 - 1, 10 ** 20 + 39
g, x, y = egcd(a, b)
print(g, a * x + b * y == g, pow(a, -1, b) == x % b)
