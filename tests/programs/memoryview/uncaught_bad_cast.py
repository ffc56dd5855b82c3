m = memoryview(b'abcdef')
print(m.cast('B', (2, 3)).tolist())
m.cast('I')
