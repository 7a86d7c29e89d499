z = 3 + 4j
print(z, z.real, z.imag, abs(z), z.conjugate(), -z, +z)
print(z + 1, z * 1j, z / (1 - 1j), z ** 2, z == complex(3, 4), (1j) ** 2)
print(complex('1+2j'), complex(' 3-4.5j '), complex('j'), complex('-1.5'), complex(2), complex(1, 2), complex('1e3j'))
print(repr(complex(0, -0.0)), repr(-0j), complex(-0.0, 0), 1j * 1j, repr(complex(float('inf'), float('nan'))))
print(repr(1 + 0j), repr(1.5e20j), repr(complex(1e-5, 1e16)))
try:
    complex('1+2')
except ValueError as e:
    print('ValueError:', e)
try:
    1j < 2j
except TypeError as e:
    print('TypeError:', e)
try:
    (1 + 1j) // 1
except TypeError as e:
    print('TypeError:', e)
try:
    1 / 0j
except ZeroDivisionError as e:
    print('ZeroDivisionError:', e)
