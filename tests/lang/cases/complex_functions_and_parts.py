z = complex(-3, 4)
print(abs(z), z.real, z.imag, z.conjugate(), z * z.conjugate(), (z ** 0.5).real.__round__(6), complex(z) is z or complex(z) == z)
print([complex(r, r) for r in range(3)], sum([1j, 2, 3.5]))
