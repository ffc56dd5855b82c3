ba = bytearray(b'ab')
alias = ba
ba += b'cd'
print(ba, alias, ba is alias)
ba *= 2
print(ba, alias is ba)
ba += bytearray(b'!')
ba += memoryview(b'?')
print(ba)
b = b'xy'
before = b
b += b'z'
print(b, before, b is before)
b *= 2
print(b)
try:
    ba += 'str'
except TypeError as e:
    print(e)
try:
    ba *= 'x'
except TypeError as e:
    print(e)
ba *= 0
print(ba, alias)
t = bytearray(b'q')
t *= -5
print(t)
