print((1+1j) ** 2)
print(0j ** -1)
