# Rotating a point by repeated complex multiplication, and a small DFT.
import math
step = complex(math.cos(math.pi / 6), math.sin(math.pi / 6))
p = 1 + 0j
for i in range(12):
    p *= step
print(round(p.real, 9), round(p.imag, 9))
samples = [0.0, 1.0, 0.0, -1.0]
n = len(samples)
for k in range(n):
    acc = 0j
    for t, x in enumerate(samples):
        angle = -2 * math.pi * k * t / n
        acc += x * complex(math.cos(angle), math.sin(angle))
    print(k, complex(round(acc.real, 12) + 0.0, round(acc.imag, 12) + 0.0))
roots = [complex(math.cos(2 * math.pi * k / 3), math.sin(2 * math.pi * k / 3)) for k in range(3)]
print([round(abs(r ** 3 - 1), 12) for r in roots])
