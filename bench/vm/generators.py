# Generators: pipelines of generator functions, generator expressions, send() and yield from.


def numbers(n):
    i = 0
    while i < n:
        yield i
        i += 1


def squares(source):
    for x in source:
        yield x * x


def evens(source):
    for x in source:
        if x % 2 == 0:
            yield x


def chunks(source, size):
    chunk = []
    for x in source:
        chunk.append(x)
        if len(chunk) == size:
            yield chunk
            chunk = []
    if chunk:
        yield chunk


def flatten(lists):
    for item in lists:
        yield from item


def averager():
    total = 0.0
    count = 0
    avg = None
    while True:
        value = yield avg
        total += value
        count += 1
        avg = total / count


total = sum(evens(squares(numbers(1600000))))
flat = sum(flatten(chunks(numbers(800000), 7)))
genexp = sum(x % 7 for x in range(1600000) if x % 3)
avg = averager()
next(avg)
last = 0.0
for i in range(400000):
    last = avg.send(i % 100)
print("generators", total, flat, genexp, f"{last:.6f}")
