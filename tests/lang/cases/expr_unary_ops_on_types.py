print(-True, +False, -(2 ** 100), -0.0, +(-0.0), ~(-(2 ** 70)), -(1 + 2j), not None)
