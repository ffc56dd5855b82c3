def bad():
    yield 1
    raise StopIteration

print(list(bad()))
