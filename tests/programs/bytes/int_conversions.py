print((1024).to_bytes(2, 'big'), (1024).to_bytes(2, 'little'), (255).to_bytes(), (0).to_bytes(0, 'big'), (0).to_bytes(3, 'little'))
print((-1).to_bytes(2, 'big', signed=True), (-129).to_bytes(2, 'little', signed=True), (127).to_bytes(1, 'big', signed=True))
print((2**64).to_bytes(9, 'big'), (True).to_bytes(1, 'big'), (5).to_bytes(length=2, byteorder='little'))
print(int.from_bytes(b'\x04\x00', 'big'), int.from_bytes(b'\x04\x00', 'little'), int.from_bytes(b'\xff\xff', 'big', signed=True))
print(int.from_bytes(b'', 'big'), int.from_bytes([1, 0], 'big'), int.from_bytes(bytearray(b'\x80'), 'big', signed=True), int.from_bytes(b'\x01'))
print(int.from_bytes(b'\xff' * 10, 'little'), int.from_bytes(memoryview(b'\x02'), byteorder='big'))
for n in [0, 1, 255, 256, -1, -128, -129, 2**100, -(2**100)]:
    for signed in (False, True):
        try:
            data = n.to_bytes(16, 'big', signed=signed)
            print(n, signed, data.hex(), int.from_bytes(data, 'big', signed=signed) == n)
        except OverflowError as e:
            print(n, signed, e)
for code in ["(256).to_bytes(1, 'big')", "(-1).to_bytes(1, 'big')", "(1).to_bytes(1, 'middle')", "(1).to_bytes(-1, 'big')",
             "(128).to_bytes(1, 'big', signed=True)", "int.from_bytes('ab', 'big')", "int.from_bytes(b'a', 1)", "(1).to_bytes(1, 'big', True)"]:
    try:
        print(eval(code))
    except Exception as e:
        print(code, type(e).__name__, e)
