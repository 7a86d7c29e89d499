a = int('123456789' * 60)
b = int('987654321' * 55)
p = a * b
print(str(p)[:40], str(p)[-40:], len(str(p)))
q, r = divmod(p + 12345, a)
print(q == b, r)
print((a ** 3) // (a ** 2) == a, a * a - a ** 2)
