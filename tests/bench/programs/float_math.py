# float_math.py: an n-body style simulation in floats.
def simulate(steps):
    bodies = [
        [0.0, 0.0, 0.0, 0.0, 0.0, 0.0, 39.47],
        [4.84, -1.16, -0.10, 0.60, 2.81, -0.02, 0.037],
        [8.34, 4.12, -0.40, -1.01, 1.82, 0.008, 0.011],
        [12.89, -15.11, -0.22, 1.08, 0.86, -0.01, 0.0017],
        [15.37, -25.91, 0.17, 0.97, 0.59, -0.03, 0.002],
    ]
    dt = 0.01
    for _ in range(steps):
        for i in range(5):
            bi = bodies[i]
            for j in range(i + 1, 5):
                bj = bodies[j]
                dx, dy, dz = bi[0] - bj[0], bi[1] - bj[1], bi[2] - bj[2]
                d2 = dx * dx + dy * dy + dz * dz
                mag = dt / (d2 * d2 ** 0.5)
                mi, mj = bi[6] * mag, bj[6] * mag
                bi[3] -= dx * mj; bi[4] -= dy * mj; bi[5] -= dz * mj
                bj[3] += dx * mi; bj[4] += dy * mi; bj[5] += dz * mi
        for b in bodies:
            b[0] += dt * b[3]; b[1] += dt * b[4]; b[2] += dt * b[5]
    return sum(b[0] + b[1] + b[2] for b in bodies)

print(f"{simulate(40000):.6f}")
