print(10 / 4)
print(1 // 0)
