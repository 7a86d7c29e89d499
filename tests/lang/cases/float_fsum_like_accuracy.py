import math
print(math.fsum([0.1] * 10), sum([0.1] * 10))
print(math.sqrt(2), math.pi, math.e, math.tau, math.inf, math.floor(-2.5), math.ceil(-2.5), math.trunc(-2.5))
print(math.isclose(0.1 + 0.2, 0.3), math.isnan(float('nan')), math.isinf(-math.inf), math.gcd(12, 18), math.lcm(4, 6))
print(math.factorial(20), math.comb(10, 3), math.perm(5, 2), math.isqrt(10 ** 20 + 1), math.log2(1024), math.log10(0.001))
print(math.copysign(1, -0.0), math.fabs(-3), math.hypot(3, 4), math.degrees(math.pi), round(math.sin(math.pi / 6), 12))
try:
    math.sqrt(-1)
except ValueError as e:
    print('ValueError:', e)
