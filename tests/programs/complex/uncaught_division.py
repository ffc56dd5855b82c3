z = 2+3j
print(z / 1j)
print(z / (0+0j))
