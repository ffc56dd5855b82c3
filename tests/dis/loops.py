def find_first(items, target):
    for i, item in enumerate(items):
        if item == target:
            break
    else:
        return -1
    return i


def skip_odds(n):
    total = 0
    i = 0
    while i < n:
        i += 1
        if i % 2:
            continue
        total += i
    else:
        total = -total
    return total


def nested():
    out = []
    for a in range(3):
        for b in range(3):
            if b > a:
                break
            if a == b:
                continue
            out.append((a, b))
    return out


print(find_first([3, 4, 5], 4), find_first([], 1), skip_odds(10), nested())
while True:
    break
