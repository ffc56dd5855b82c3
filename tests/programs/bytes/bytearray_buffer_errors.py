ba = bytearray(b'data')
view = memoryview(ba)
for code in ["ba.append(1)", "ba.extend(b'x')", "ba.pop()", "ba.clear()", "ba += b'x'", "ba *= 2", "del ba[0]", "ba[0:1] = b'xy'", "ba.insert(0, 1)", "ba.remove(100)"]:
    try:
        exec(code)
        print(code, 'ok', ba)
    except Exception as e:
        print(code, type(e).__name__, e)
ba[0] = 68
ba[1:3] = b'AT'
print(ba, view.tobytes())
del view
ba.append(33)
print(ba)
with memoryview(ba) as v:
    try:
        ba.extend(b'??')
    except BufferError as e:
        print('BufferError', e)
ba.extend(b'??')
print(ba)
