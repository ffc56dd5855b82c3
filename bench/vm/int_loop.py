# Integer loops: while/for with arithmetic, comparisons, modulo and shifts.


def collatz_steps(limit):
    best = 0
    best_n = 0
    n = 1
    while n < limit:
        x = n
        steps = 0
        while x != 1:
            if x % 2 == 0:
                x = x // 2
            else:
                x = 3 * x + 1
            steps += 1
        if steps > best:
            best = steps
            best_n = n
        n += 1
    return best_n, best


def mix(rounds):
    h = 2166136261
    for i in range(rounds):
        h = ((h ^ (i & 255)) * 16777619) & 0xFFFFFFFF
        h = (h >> 3) | ((h & 7) << 29)
    return h


a, b = collatz_steps(60000)
print("collatz", a, b)
print("mix", mix(900000))
