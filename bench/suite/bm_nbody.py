# Float arithmetic in tuples and lists: a leapfrog simulation of a small planetary system,
# with the total energy checked before and after.
import math
import sys

QUICK = "--quick" in sys.argv  # small sizes for the test suite

def make_system():
    # (position, velocity, mass) for a star and four planets on roughly circular orbits.
    bodies = [[[0.0, 0.0, 0.0], [0.0, 0.0, 0.0], 40.0]]
    for k, (radius, mass) in enumerate([(1.0, 0.01), (1.8, 0.03), (3.1, 0.2), (5.3, 0.05)]):
        angle = 0.7 * k + 0.3
        speed = math.sqrt(40.0 / radius)
        pos = [radius * math.cos(angle), radius * math.sin(angle), 0.05 * k]
        vel = [-speed * math.sin(angle), speed * math.cos(angle), 0.0]
        bodies.append([pos, vel, mass])
    # Move to the centre-of-momentum frame.
    total = sum(b[2] for b in bodies)
    for axis in range(3):
        p = sum(b[1][axis] * b[2] for b in bodies)
        bodies[0][1][axis] -= p / bodies[0][2]
    return bodies

def pairs_of(bodies):
    return [(bodies[i], bodies[j]) for i in range(len(bodies)) for j in range(i + 1, len(bodies))]

def energy(bodies, pairs):
    e = 0.0
    for (pos, vel, m) in bodies:
        e += 0.5 * m * (vel[0] * vel[0] + vel[1] * vel[1] + vel[2] * vel[2])
    for ((p1, v1, m1), (p2, v2, m2)) in pairs:
        dx = p1[0] - p2[0]
        dy = p1[1] - p2[1]
        dz = p1[2] - p2[2]
        e -= m1 * m2 / math.sqrt(dx * dx + dy * dy + dz * dz)
    return e

def advance(bodies, pairs, dt, steps):
    for _ in range(steps):
        for ((p1, v1, m1), (p2, v2, m2)) in pairs:
            dx = p1[0] - p2[0]
            dy = p1[1] - p2[1]
            dz = p1[2] - p2[2]
            d2 = dx * dx + dy * dy + dz * dz
            mag = dt / (d2 * math.sqrt(d2))
            f1 = m2 * mag
            f2 = m1 * mag
            v1[0] -= dx * f1
            v1[1] -= dy * f1
            v1[2] -= dz * f1
            v2[0] += dx * f2
            v2[1] += dy * f2
            v2[2] += dz * f2
        for (pos, vel, m) in bodies:
            pos[0] += dt * vel[0]
            pos[1] += dt * vel[1]
            pos[2] += dt * vel[2]

bodies = make_system()
pairs = pairs_of(bodies)
before = energy(bodies, pairs)
advance(bodies, pairs, 0.001, 500 if QUICK else 60000)
after = energy(bodies, pairs)
print("energy %.9f -> %.9f" % (before, after))
print("star at %.6f %.6f %.6f" % tuple(bodies[0][0]))
