a = 2 ** 200
b = 3 ** 120
print(a)
print(b)
print(a + b, a - b)
print(a * b)
print(a // b, a % b, divmod(b, 12345678901234567890))
print(-a // 7, -a % 7, a // -7, (-a) // (-b), (-a) % b)
print(a ** 2 // b ** 2, abs(-a) == a, -(-a) == a)
