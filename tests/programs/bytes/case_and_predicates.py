b = b'Hello World 123 \xe9'
print(b.upper(), b.lower(), b.swapcase(), b.title(), b.capitalize())
print(b'hELLO wORLD'.capitalize(), b"they're bill's friends".title(), b'3rd place'.title())
for x in [b'abc', b'ABC', b'aBc', b'123', b'abc123', b'', b' \t\n', b'Hello World', b'Hello world', b'\xe9', b'a b', b'1a']:
    print(x, x.isalpha(), x.isalnum(), x.isdigit(), x.islower(), x.isupper(), x.isspace(), x.istitle(), x.isascii())
ba = bytearray(b'MiXeD')
print(ba.upper(), ba.lower(), ba.swapcase(), ba.isalpha(), type(ba.upper()).__name__)
try:
    b'a'.upper(1)
except TypeError as e:
    print(e)
try:
    bytearray(b'a').isalpha(1)
except TypeError as e:
    print(e)
