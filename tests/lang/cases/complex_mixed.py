print(1 + 2j + 3, 2 * (1 + 1j), 1.5 + 1j, (1 + 2j) == 1 + 2j, (2 + 0j) == 2, hash(2 + 0j) == hash(2))
print(pow(1j, 2), pow(2, 1j).real.__round__(10), (1 + 1j) ** 0, (0j) ** 0)
print(complex(1, 2).__format__(''), format(1 + 2j, '^20'), format(1 + 2j, '+.1e'))
