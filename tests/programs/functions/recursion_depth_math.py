# Recursive algorithms: Ackermann (small), permutations, power set, Hanoi.
def ackermann(m, n):
    if m == 0:
        return n + 1
    if n == 0:
        return ackermann(m - 1, 1)
    return ackermann(m - 1, ackermann(m, n - 1))


def permutations(items):
    if len(items) <= 1:
        return [items[:]]
    out = []
    for i in range(len(items)):
        rest = items[:i] + items[i + 1:]
        for p in permutations(rest):
            out.append([items[i]] + p)
    return out


def power_set(items):
    if not items:
        return [[]]
    rest = power_set(items[1:])
    return rest + [[items[0]] + r for r in rest]


def hanoi(n, src, dst, via, moves):
    if n:
        hanoi(n - 1, src, via, dst, moves)
        moves.append((src, dst))
        hanoi(n - 1, via, dst, src, moves)
    return moves


print(ackermann(2, 3), ackermann(3, 3))
print(len(permutations([1, 2, 3, 4])), permutations([1, 2, 3]))
print(power_set([1, 2, 3]))
print(len(hanoi(10, "A", "C", "B", [])), hanoi(2, "A", "C", "B", []))
