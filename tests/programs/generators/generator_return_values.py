# Return values of generators via StopIteration.value and yield from, generators in sorted/sum/min.
def gen_with_result(n):
    total = 0
    for i in range(n):
        total += i
        yield i
    return total


def collect():
    result = yield from gen_with_result(4)
    print("inner returned", result)
    return result * 2


g = collect()
print(list(g))
outer = collect()
try:
    while True:
        next(outer)
except StopIteration as stop:
    print("outer returned", stop.value)
print(sorted(gen_with_result(5), reverse=True), min(gen_with_result(3)), sum(gen_with_result(101)))
