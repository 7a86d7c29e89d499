print(pow(2, 10), pow(2, -2), pow(2.0, 3), pow(-8, 1/3), pow(3, 4, 5), pow(base=2, exp=5), pow(2, 3, mod=3))
