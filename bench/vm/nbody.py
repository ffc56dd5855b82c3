# Float arithmetic: a small gravitational simulation in lists of floats.


def make_bodies(n):
    bodies = []
    seed = 12345
    for i in range(n):
        seed = (seed * 1103515245 + 12345) % 2147483648
        x = (seed % 1000) / 100.0 - 5.0
        seed = (seed * 1103515245 + 12345) % 2147483648
        y = (seed % 1000) / 100.0 - 5.0
        seed = (seed * 1103515245 + 12345) % 2147483648
        z = (seed % 1000) / 100.0 - 5.0
        mass = 1.0 + (i % 3) * 0.5
        bodies.append([x, y, z, 0.0, 0.0, 0.0, mass])
    return bodies


def energy(bodies):
    e = 0.0
    n = len(bodies)
    for i in range(n):
        b = bodies[i]
        e += 0.5 * b[6] * (b[3] * b[3] + b[4] * b[4] + b[5] * b[5])
        for j in range(i + 1, n):
            c = bodies[j]
            dx = b[0] - c[0]
            dy = b[1] - c[1]
            dz = b[2] - c[2]
            e -= b[6] * c[6] / ((dx * dx + dy * dy + dz * dz + 0.01) ** 0.5)
    return e


def advance(bodies, dt, steps):
    n = len(bodies)
    for _ in range(steps):
        for i in range(n):
            b = bodies[i]
            for j in range(i + 1, n):
                c = bodies[j]
                dx = b[0] - c[0]
                dy = b[1] - c[1]
                dz = b[2] - c[2]
                d2 = dx * dx + dy * dy + dz * dz + 0.01
                mag = dt / (d2 * d2 ** 0.5)
                bm = b[6] * mag
                cm = c[6] * mag
                b[3] -= dx * cm
                b[4] -= dy * cm
                b[5] -= dz * cm
                c[3] += dx * bm
                c[4] += dy * bm
                c[5] += dz * bm
        for b in bodies:
            b[0] += dt * b[3]
            b[1] += dt * b[4]
            b[2] += dt * b[5]


bodies = make_bodies(8)
print(f"before {energy(bodies):.9f}")
advance(bodies, 0.001, 40000)
print(f"after {energy(bodies):.9f}")
