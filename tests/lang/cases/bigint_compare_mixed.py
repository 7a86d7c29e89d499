big = 2 ** 100
print(big > 1e30, big == float(big), big + 1 == float(big), big < float('inf'), -big < -1e30)
print(2 ** 53 + 1 == 2.0 ** 53, 2 ** 53 + 1 > 2.0 ** 53, (2 ** 1024) > 1e308)
print(sorted([2 ** 70, 1.5, -2 ** 65, 0, 1e25]))
print(max(10 ** 20, 1e20), min(10 ** 20, 1e20), 10 ** 20 == 1e20)
