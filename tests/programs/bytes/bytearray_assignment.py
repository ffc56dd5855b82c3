ba = bytearray(b'abcdef')
ba[0] = 65
ba[-1] = 70
print(ba)
ba[1:3] = b'XYZ'
print(ba)
ba[1:4] = b''
print(ba)
ba[0:0] = [49, 50]
print(ba)
ba[::2] = b'___'
print(ba)
ba[len(ba):] = bytearray(b'end')
print(ba)
del ba[0]
print(ba)
del ba[-1]
print(ba)
del ba[1:3]
print(ba)
del ba[::2]
print(ba)
ba[5:] = range(97, 100)
print(ba)
b2 = bytearray(b'0123456789')
b2[8:2:-2] = b'abc'
print(b2)
del b2[::-3]
print(b2)
for code in ["ba[100] = 1", "ba[0] = 256", "ba[0] = 'a'", "ba[0] = b'a'", "ba['x'] = 1", "ba[::2] = b'toolongvalue'",
             "ba[0:1] = 5", "ba[0:1] = 'str'", "del ba[100]", "ba[0:1] = [256]", "b'abc'[0] = 1", "del b'abc'[0]"]:
    try:
        exec(code)
        print(ba)
    except Exception as e:
        print(code, type(e).__name__, e)
