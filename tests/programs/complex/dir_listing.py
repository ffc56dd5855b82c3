print(dir(1j))
print(dir(complex) == dir(0j), [n for n in dir(complex) if n not in dir(float)], [n for n in dir(float) if n not in dir(complex)])
