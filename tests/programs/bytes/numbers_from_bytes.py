print(int(b'42'), int(b' -7 '), int(b'ff', 16), int(b'0x1f', 0), int(bytearray(b'1_000')), int(b'101', 2))
print(float(b'1.5'), float(b' -2e3 '), float(bytearray(b'inf')), float(b'nan') != float(b'nan'))
for code in ["int(b'x')", "int(b'12a')", "int(bytearray(b'zz'), 16)", "int(b'\\xff')", "float(b'abc')", "float(bytearray(b'1.2.3'))", "int(b'')"]:
    try:
        print(eval(code))
    except ValueError as e:
        print(code, e)
